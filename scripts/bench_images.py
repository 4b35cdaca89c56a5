"""Measure what ingesting a camera photograph costs: seconds to every rendition, peak memory.

    .venv/bin/python scripts/bench_images.py [--runs 3] [--megapixels 24]

Makes a 24-megapixel JPEG like a camera's (about 8 MB, with EXIF: GPS position, camera serial,
owner, and the orientation of a camera held upright), then ingests it the way the admin does:
validated and fully decoded, turned upright, stripped, every rendition made and every file
written to a throw-away folder through Django's storage API. Each run is a fresh process, so
its peak memory (the process's maximum resident set) is that of one upload. Targets: under
2 seconds and under 300 MB. The machine's load is printed too: on a shared machine the wall
time follows it, the CPU time much less.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 2.0
TARGET_MEGABYTES = 300


def make_photograph(path, megapixels):
    """Write a camera-like JPEG of ``megapixels`` with private EXIF to ``path``."""
    from PIL import Image, ImageChops, ImageDraw

    width = round((megapixels * 1_000_000 * 3 / 2) ** 0.5)
    height = round(width * 2 / 3)
    rng = random.Random(24)
    sketch = Image.new("RGB", (width // 8, height // 8))
    draw = ImageDraw.Draw(sketch)
    for y in range(sketch.height):
        draw.line([(0, y), (sketch.width, y)], fill=(90 + y // 5, 130 + y // 6, 190 - y // 4))
    for _ in range(140):
        x, y, r = rng.randrange(sketch.width), rng.randrange(sketch.height), rng.randrange(4, 70)
        draw.rectangle(
            [x - r, y - r // 2, x + r, y + r], fill=tuple(rng.randrange(256) for _ in "rgb")
        )
    scene = sketch.resize((width, height), Image.Resampling.BICUBIC)
    # Texture at three scales, as foliage, fabric and sensor noise give a real photograph.
    texture = Image.merge(
        "RGB",
        [
            Image.effect_noise((width // scale, height // scale), amount).resize((width, height))
            for scale, amount in ((16, 45), (4, 25), (1, 10))
        ],
    )
    scene = ImageChops.add(scene, texture, offset=-128)
    exif = Image.Exif()
    exif[0x0112] = 6  # held upright: the pixels must be turned
    exif[0x010F], exif[0x0110], exif[0xA431] = "Camera maker", "Model 24", "SERIAL-0042"
    exif[0x013B] = "Owner of the camera"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (40.0, 24.0, 3.6), 3: "E", 4: (49.0, 52.0, 1.2)})
    scene.save(path, format="JPEG", quality=92, exif=exif)


def ingest(path):
    """Ingest the photograph at ``path`` in this process; print what it took, as JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migration_portal.settings.dev")
    import django
    from django.test.utils import override_settings

    django.setup()
    from django.core.files import File

    from news.images.pipeline import ingest as make_files
    from news.images.validation import open_upload

    # As the admin receives a large upload: in a temporary file, not in memory.
    upload = File(open(path, "rb"), name="camera.jpg")  # noqa: SIM115 - closed with the process
    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(
            STORAGES={
                "default": {
                    "BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": media},
                }
            }
        ),
    ):
        cpu, wall = time.process_time(), time.perf_counter()
        stored = make_files(open_upload(upload), (0.5, 0.5))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        files = 1 + len(stored.renditions)
        written = sum(f.stat().st_size for f in Path(media).rglob("*") if f.is_file())
        private = any(
            marker in f.read_bytes()
            for f in Path(media).rglob("*")
            if f.is_file()
            for marker in (b"SERIAL-0042", b"Owner of the camera", b"Exif\x00\x00")
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": cpu,
                "peak_mb": peak,
                "files": files,
                "written_mb": written / 1e6,
                "size": [stored.width, stored.height],
                "private_data_left": private,
            }
        )
    )


def run_self(*arguments):
    """Run this script with ``arguments`` in a new process; return what it printed."""
    command = [sys.executable, __file__, *arguments]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--megapixels", type=float, default=24)
    parser.add_argument("--make", help=argparse.SUPPRESS)
    parser.add_argument("--ingest", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.make:
        make_photograph(arguments.make, arguments.megapixels)
        return
    if arguments.ingest:
        ingest(arguments.ingest)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "camera.jpg"
        # In processes of their own: Linux carries a process's peak memory over to the
        # programs it starts, so this one stays small.
        run_self("--make", str(path), "--megapixels", str(arguments.megapixels))
        size = path.stat().st_size / 1e6
        print(f"Photograph: {arguments.megapixels:g} megapixels, {size:.1f} MB JPEG, EXIF and GPS")
        runs = []
        for _ in range(arguments.runs):
            load = os.getloadavg()[0]
            output = run_self("--ingest", str(path))
            runs.append({**json.loads(output.splitlines()[-1]), "load": load})
    for number, run in enumerate(runs, start=1):
        print(
            f"run {number}: {run['wall']:.2f} s ({run['cpu']:.2f} s CPU), "
            f"peak {run['peak_mb']:.0f} MB, {run['files']} files ({run['written_mb']:.1f} MB), "
            f"{run['size'][0]}×{run['size'][1]}, load average {run['load']:.1f}, "
            f"private data left: {run['private_data_left']}"
        )
    wall = statistics.median(run["wall"] for run in runs)
    peak = max(run["peak_mb"] for run in runs)
    print(
        f"median {wall:.2f} s (target < {TARGET_SECONDS:g} s), "
        f"peak {peak:.0f} MB (target < {TARGET_MEGABYTES} MB), on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
