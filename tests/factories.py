"""Factories for releases in the states the public gate must tell apart."""

from datetime import timedelta

import factory
from django.utils import timezone

from news.models import Article, Category


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
