"""The interface catalogues: complete for az and ru, compiled, and up to date with the code."""

import re
import shutil

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings

from news.management.commands.catalogues import SOURCE_DIRS

needs_gettext = pytest.mark.skipif(
    shutil.which("xgettext") is None and not settings.CI,
    reason="GNU gettext (xgettext) is not installed; CI installs it and runs this test",
)


@pytest.fixture
def project_copy(tmp_path):
    """A copy of the project's translatable sources and catalogues, compiled."""
    for source in SOURCE_DIRS:
        shutil.copytree(
            settings.BASE_DIR / source,
            tmp_path / source,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    with override_settings(BASE_DIR=tmp_path, LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("catalogues", verbosity=0)
        yield tmp_path


def check(**kwargs):
    call_command("catalogues", check=True, verbosity=0, **kwargs)


@needs_gettext
def test_the_projects_catalogues_pass_the_check():
    check()


def edit_catalogue(root, language, change):
    path = root / "locale" / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    change(catalogue.find("Terms for users"))
    catalogue.save(str(path))
    return path


@needs_gettext
def test_an_untranslated_string_fails_the_check(project_copy):
    edit_catalogue(project_copy, "ru", lambda entry: setattr(entry, "msgstr", ""))
    call_command("catalogues", verbosity=0)

    with pytest.raises(CommandError, match="untranslated: 'Terms for users'"):
        check()


@needs_gettext
def test_a_fuzzy_entry_fails_the_check(project_copy):
    edit_catalogue(project_copy, "az", lambda entry: entry.flags.append("fuzzy"))
    call_command("catalogues", verbosity=0)

    with pytest.raises(CommandError, match="fuzzy: 'Terms for users'"):
        check()


@needs_gettext
def test_a_stale_compiled_catalogue_fails_the_check(project_copy):
    edit_catalogue(project_copy, "az", lambda entry: setattr(entry, "msgstr", "Şərtlər"))

    with pytest.raises(CommandError, match=re.escape("az/LC_MESSAGES/django.mo: stale or missing")):
        check()


@needs_gettext
def test_a_new_string_in_the_code_fails_the_check_until_translated(project_copy):
    template = project_copy / "templates" / "pages" / "terms.html"
    template.write_text(
        template.read_text().replace(
            "{% endblock %}", '<p>{% translate "A sentence no catalogue has" %}</p>{% endblock %}'
        )
    )

    with pytest.raises(CommandError, match="untranslated: 'A sentence no catalogue has'"):
        check()


def test_compiling_needs_no_gettext_and_writes_the_catalogues(project_copy, monkeypatch):
    monkeypatch.setenv("PATH", "")  # no msgfmt, no xgettext
    mo = project_copy / "locale" / "ru" / "LC_MESSAGES" / "django.mo"
    mo.unlink()

    call_command("catalogues", verbosity=0)

    assert polib.mofile(str(mo)).find("Terms for users").msgstr == "Условия для пользователей"
