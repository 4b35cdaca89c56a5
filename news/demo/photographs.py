"""Pictures for the demo releases, drawn with Pillow when the demo is loaded.

No photograph of anyone is shipped: each picture is a flat illustration of a scene a press
office photographs (the headquarters, a meeting, the service hall, documents on a desk), with
alt texts and captions in the three languages and a credit that says what it is. They go
through the same upload pipeline as a press officer's photographs.
"""

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFilter, ImageFont

from ..images.storage import file_storage
from ..images.validation import open_upload
from ..models import Article, ArticleImage, Image

SIZE = (1600, 1000)
CREDIT = "Demo illustration drawn by load_demo, not a photograph"
SKY, GROUND, GLASS = (176, 208, 232), (196, 200, 204), (120, 160, 196)

SCENES = {
    "headquarters": {
        "alt": {
            "az": "İllüstrasiya: ağaclar arasında şüşə fasadlı inzibati bina",
            "en": "Illustration: an office building with a glass front, between trees",
            "ru": "Иллюстрация: административное здание со стеклянным фасадом среди деревьев",
        },
        "caption": {
            "az": "Xidmətin inzibati binası (demo illüstrasiyası)",
            "en": "The Service's headquarters (demo illustration)",
            "ru": "Административное здание Службы (демонстрационная иллюстрация)",
        },
        "focus": (0.5, 0.45),
    },
    "meeting": {
        "alt": {
            "az": "İllüstrasiya: iclas otağında uzun masa arxasında oturan altı nəfər",
            "en": "Illustration: six people seated at a long table in a meeting room",
            "ru": "Иллюстрация: шесть человек за длинным столом в зале заседаний",
        },
        "caption": {
            "az": "Görüş iştirakçıları (demo illüstrasiyası)",
            "en": "Participants of the meeting (demo illustration)",
            "ru": "Участники встречи (демонстрационная иллюстрация)",
        },
        "focus": (0.5, 0.55),
    },
    "service_hall": {
        "alt": {
            "az": "İllüstrasiya: nömrələnmiş üç qəbul pəncərəsi olan xidmət zalı",
            "en": "Illustration: a service hall with three numbered reception windows",
            "ru": "Иллюстрация: зал обслуживания с тремя пронумерованными окнами приёма",
        },
        "caption": {
            "az": "Vətəndaşların qəbulu zalı (demo illüstrasiyası)",
            "en": "The hall where citizens and foreigners are received (demo illustration)",
            "ru": "Зал приёма граждан и иностранцев (демонстрационная иллюстрация)",
        },
        "focus": (0.5, 0.5),
    },
    "documents": {
        "alt": {
            "az": "İllüstrasiya: masanın üstündə pasport, ərizə blankı, qələm və möhür",
            "en": "Illustration: a passport, an application form, a pen and a stamp on a desk",
            "ru": "Иллюстрация: паспорт, бланк заявления, ручка и печать на столе",
        },
        "caption": {
            "az": "Müraciət üçün sənədlər (demo illüstrasiyası)",
            "en": "Documents for an application (demo illustration)",
            "ru": "Документы для обращения (демонстрационная иллюстрация)",
        },
        "focus": (0.4, 0.5),
    },
}

# Demo release (by legacy number): its lead picture, then its gallery.
RELEASES = {
    9101: ("service_hall", ()),
    9102: ("documents", ()),
    9103: ("meeting", ("headquarters", "service_hall", "documents")),
    9104: ("meeting", ()),
    9105: ("headquarters", ()),
    9106: ("documents", ()),
    9107: ("service_hall", ()),
    9108: ("headquarters", ()),
}


def vertical_gradient(draw, box, top, bottom):
    left, upper, right, lower = box
    for y in range(upper, lower):
        share = (y - upper) / max(1, lower - upper - 1)
        colour = tuple(round(a + (b - a) * share) for a, b in zip(top, bottom, strict=True))
        draw.line([(left, y), (right, y)], fill=colour)


def tree(draw, x, ground, height):
    draw.rectangle([x - 8, ground - height // 3, x + 8, ground], fill=(110, 80, 50))
    for dx, dy, r in ((0, -height // 2, height // 3), (-30, -height // 3, height // 4)):
        draw.ellipse([x + dx - r, ground + dy - r, x + dx + r, ground + dy + r], fill=(70, 130, 80))


def person(draw, x, y, colour, scale=1.0):
    head = round(34 * scale)
    draw.ellipse([x - head, y - 3 * head, x + head, y - head], fill=(224, 180, 150))
    draw.rounded_rectangle(
        [x - 2 * head, y - head + 6, x + 2 * head, y + 2 * head], radius=head, fill=colour
    )


def headquarters(draw, rng):
    width, height = SIZE
    vertical_gradient(draw, (0, 0, width, 720), (120, 170, 215), SKY)
    draw.rectangle([0, 720, width, height], fill=GROUND)
    draw.rectangle([420, 180, 1180, 720], fill=(224, 226, 228))
    for row in range(6):
        for column in range(8):
            left, top = 450 + column * 90, 210 + row * 78
            shade = tuple(c + rng.randrange(-12, 13) for c in GLASS)
            draw.rectangle([left, top, left + 66, top + 56], fill=shade)
    draw.rectangle([730, 600, 870, 720], fill=(70, 90, 110))
    for x in (180, 300, 1300, 1430):
        tree(draw, x, 740, 300)


def meeting(draw, rng):
    width, height = SIZE
    vertical_gradient(draw, (0, 0, width, 560), (236, 230, 218), (214, 206, 192))
    draw.rectangle([0, 560, width, height], fill=(150, 120, 96))
    draw.rectangle([560, 90, 1040, 360], fill=(40, 52, 66))
    draw.rectangle([580, 110, 1020, 340], fill=(90, 130, 170))
    colours = [(40, 60, 90), (90, 40, 50), (50, 80, 60), (70, 70, 80), (30, 50, 80), (100, 70, 40)]
    for index, colour in enumerate(colours):
        x = 330 + index * 188
        person(draw, x, 600, colour)
    draw.polygon([(180, 700), (1420, 700), (1560, 960), (40, 960)], fill=(120, 84, 56))
    for index in range(6):
        x = 300 + index * 200
        draw.rectangle([x, 760, x + 110, 830], fill=(248, 248, 244))


def service_hall(draw, rng):
    width, height = SIZE
    draw.rectangle([0, 0, width, 640], fill=(226, 232, 236))
    draw.rectangle([0, 640, width, height], fill=(170, 176, 182))
    font = ImageFont.load_default(size=90)
    for index in range(3):
        left = 170 + index * 460
        draw.rectangle([left, 140, left + 340, 260], fill=(0, 85, 140))
        draw.text((left + 170, 200), str(index + 1), fill="white", font=font, anchor="mm")
        draw.rectangle([left, 300, left + 340, 560], fill=GLASS)
        draw.rectangle([left - 20, 560, left + 360, 680], fill=(120, 124, 130))
        person(draw, left + 170, 520, (60, 70, 90), scale=0.8)
    for index in range(4):
        person(draw, 260 + index * 330, 900, rng.choice([(90, 40, 50), (40, 60, 90)]), 1.2)


def documents(draw, rng):
    width, height = SIZE
    vertical_gradient(draw, (0, 0, width, height), (168, 120, 80), (140, 96, 62))
    draw.rectangle([760, 160, 1380, 900], fill=(250, 250, 246))
    for line in range(12):
        y = 240 + line * 52
        draw.line([(820, y), (1320 - rng.randrange(0, 200), y)], fill=(150, 160, 170), width=6)
    draw.rounded_rectangle([260, 260, 640, 780], radius=24, fill=(110, 30, 40))
    draw.ellipse([380, 400, 520, 540], outline=(212, 180, 90), width=10)
    draw.line([(1000, 960), (1450, 700)], fill=(30, 40, 70), width=18)
    draw.ellipse([1120, 640, 1300, 820], outline=(40, 80, 150), width=14)


DRAWINGS = {
    "headquarters": headquarters,
    "meeting": meeting,
    "service_hall": service_hall,
    "documents": documents,
}


def draw(key):
    """Return the JPEG upload of scene ``key``: the same pixels every time."""
    canvas = PillowImage.new("RGB", SIZE)
    DRAWINGS[key](ImageDraw.Draw(canvas), random.Random(key))
    canvas = canvas.filter(ImageFilter.GaussianBlur(1.2))
    data = io.BytesIO()
    canvas.save(data, format="JPEG", quality=90)
    return SimpleUploadedFile(f"{key}.jpg", data.getvalue(), content_type="image/jpeg")


def demo_image(key):
    """Return the library image of scene ``key``, uploading it the first time."""
    scene = SCENES[key]
    existing = Image.objects.filter(credit=CREDIT, alt_en=scene["alt"]["en"]).first()
    if existing is not None:
        if not file_storage().exists(existing.original):
            # The media folder was emptied since: draw the files again.
            existing.take_picture(open_upload(draw(key)))
            existing.save()
        return existing
    texts = {
        f"{field}_{code}": text
        for field in ("alt", "caption")
        for code, text in scene[field].items()
    }
    focus_x, focus_y = scene["focus"]
    return Image.objects.create_from_upload(
        draw(key), credit=CREDIT, focus_x=focus_x, focus_y=focus_y, **texts
    )


@transaction.atomic
def illustrate(dry_run=False):
    """Give each demo release that has none a lead picture and its gallery; return how many."""
    illustrated = 0
    for article in Article.objects.filter(legacy_id__in=RELEASES):
        if article.images.exclude(place=ArticleImage.Place.BODY).exists():
            continue  # pictured already, perhaps by hand since: left as it is
        illustrated += 1
        if dry_run:
            continue
        lead, gallery = RELEASES[article.legacy_id]
        ArticleImage.objects.create(
            article=article, image=demo_image(lead), place=ArticleImage.Place.LEAD
        )
        for position, key in enumerate(gallery, start=1):
            ArticleImage.objects.create(
                article=article,
                image=demo_image(key),
                place=ArticleImage.Place.GALLERY,
                position=position,
            )
    return illustrated
