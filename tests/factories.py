"""Factories for releases in the states the public gate must tell apart, and photographs."""

import io
import itertools
from datetime import timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw

from news.models import Article, ArticleImage, Category, Image


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    category = factory.LazyFunction(lambda: Category.objects.get(key="news"))
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    title_az = factory.Sequence(lambda n: f"Xəbər nömrə {n}")
    title_en = factory.Sequence(lambda n: f"Release number {n}")
    title_ru = factory.Sequence(lambda n: f"Сообщение номер {n}")
    summary_az = "Qısa məzmun."
    summary_en = "Short summary."
    summary_ru = "Краткое содержание."
    body_az = "<p>Mətn.</p>"
    body_en = "<p>Text.</p>"
    body_ru = "<p>Текст.</p>"

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT)
        submitted = factory.Trait(status=Article.Status.SUBMITTED)
        withdrawn = factory.Trait(
            status=Article.Status.WITHDRAWN,
            withdrawn_at=factory.LazyFunction(timezone.now),
            withdrawal_reason_az="Səhv məlumat.",
            withdrawal_reason_en="Published in error.",
        )
        in_trash = factory.Trait(deleted_at=factory.LazyFunction(timezone.now))
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
        )
        # Written in Azerbaijani, translated into English only.
        without_russian = factory.Trait(title_ru="", summary_ru="", body_ru="")


_seeds = itertools.count(1)


def picture(width=800, height=600, mode="RGB", seed=0):
    """Return a Pillow image with a gradient and a few shapes, different for each ``seed``."""
    canvas = PillowImage.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(canvas)
    for index in range(4):
        left = (seed * 37 + index * width // 5) % max(1, width - width // 6)
        box = [left, height // 4 + index * 9, left + width // 6, height // 2 + index * 9]
        colour = ((seed * 60 + index * 70) % 256, (index * 90) % 256, (seed * 25) % 256)
        draw.ellipse(box, fill=colour)
    return canvas.convert(mode)


def photo_file(image=None, file_format="JPEG", name="photo.jpg", **save_options):
    """Return an upload holding ``image`` (default: a fresh 800 × 600 picture) as a file."""
    data = io.BytesIO()
    (image or picture()).save(data, format=file_format, **save_options)
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/jpeg")


class ImageFactory(factory.django.DjangoModelFactory):
    """A photograph uploaded through the whole pipeline, described in three languages."""

    class Meta:
        model = Image

    alt_az = factory.Sequence(lambda n: f"Şəkil {n}: görüş iştirakçıları")
    alt_en = factory.Sequence(lambda n: f"Photograph {n}: the meeting's participants")
    alt_ru = factory.Sequence(lambda n: f"Фотография {n}: участники встречи")
    caption_en = factory.Sequence(lambda n: f"Caption {n}")
    credit = "Press service"

    @classmethod
    def _create(cls, model_class, *args, upload=None, **kwargs):
        upload = upload or photo_file(picture(seed=next(_seeds)))
        return model_class.objects.create_from_upload(upload, **kwargs)


def show(article, image, place=ArticleImage.Place.LEAD, position=0):
    """Give ``article`` the photograph ``image`` as its lead or in its gallery."""
    return ArticleImage.objects.create(article=article, image=image, place=place, position=position)
