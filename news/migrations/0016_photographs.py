"""Add the photograph library and the photographs of each release: lead, gallery and body.

Alt text and caption have a column per language, as release texts do; a use of a photograph
in a body records that body's language, since the gate asks for alt text language by language.
"""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0015_search_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Image",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "original",
                    models.CharField(editable=False, max_length=200, verbose_name="original file"),
                ),
                (
                    "width",
                    models.PositiveIntegerField(default=0, editable=False, verbose_name="width"),
                ),
                (
                    "height",
                    models.PositiveIntegerField(default=0, editable=False, verbose_name="height"),
                ),
                ("renditions", models.JSONField(default=list, editable=False)),
                (
                    "alt",
                    models.CharField(
                        blank=True,
                        help_text="What the photograph shows, for visitors who cannot see it: “The Chief of the Service signs the agreement with the IOM delegation”. Required in every language in which a release using it is shown.",
                        max_length=250,
                        verbose_name="alt text",
                    ),
                ),
                (
                    "alt_az",
                    models.CharField(
                        blank=True,
                        help_text="What the photograph shows, for visitors who cannot see it: “The Chief of the Service signs the agreement with the IOM delegation”. Required in every language in which a release using it is shown.",
                        max_length=250,
                        null=True,
                        verbose_name="alt text",
                    ),
                ),
                (
                    "alt_en",
                    models.CharField(
                        blank=True,
                        help_text="What the photograph shows, for visitors who cannot see it: “The Chief of the Service signs the agreement with the IOM delegation”. Required in every language in which a release using it is shown.",
                        max_length=250,
                        null=True,
                        verbose_name="alt text",
                    ),
                ),
                (
                    "alt_ru",
                    models.CharField(
                        blank=True,
                        help_text="What the photograph shows, for visitors who cannot see it: “The Chief of the Service signs the agreement with the IOM delegation”. Required in every language in which a release using it is shown.",
                        max_length=250,
                        null=True,
                        verbose_name="alt text",
                    ),
                ),
                (
                    "caption",
                    models.CharField(
                        blank=True,
                        help_text="Shown under the photograph on the release's page.",
                        max_length=300,
                        verbose_name="caption",
                    ),
                ),
                (
                    "caption_az",
                    models.CharField(
                        blank=True,
                        help_text="Shown under the photograph on the release's page.",
                        max_length=300,
                        null=True,
                        verbose_name="caption",
                    ),
                ),
                (
                    "caption_en",
                    models.CharField(
                        blank=True,
                        help_text="Shown under the photograph on the release's page.",
                        max_length=300,
                        null=True,
                        verbose_name="caption",
                    ),
                ),
                (
                    "caption_ru",
                    models.CharField(
                        blank=True,
                        help_text="Shown under the photograph on the release's page.",
                        max_length=300,
                        null=True,
                        verbose_name="caption",
                    ),
                ),
                (
                    "credit",
                    models.CharField(
                        blank=True,
                        help_text="Who took the photograph or owns it, shown with it on the site.",
                        max_length=150,
                        verbose_name="credit",
                    ),
                ),
                (
                    "decorative",
                    models.BooleanField(
                        default=False,
                        help_text="Tick only for an image that tells visitors nothing, such as a pattern: it is shown with an empty alt text and needs none.",
                        verbose_name="decorative",
                    ),
                ),
                (
                    "focus_x",
                    models.FloatField(
                        default=0.5,
                        help_text="0 is the left edge, 1 the right; click the preview to set it.",
                        validators=[
                            django.core.validators.MinValueValidator(0),
                            django.core.validators.MaxValueValidator(1),
                        ],
                        verbose_name="focal point, from the left",
                    ),
                ),
                (
                    "focus_y",
                    models.FloatField(
                        default=0.5,
                        help_text="0 is the top edge, 1 the bottom. Square and sharing crops keep this point.",
                        validators=[
                            django.core.validators.MinValueValidator(0),
                            django.core.validators.MaxValueValidator(1),
                        ],
                        verbose_name="focal point, from the top",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="uploaded")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "photograph",
                "verbose_name_plural": "photographs",
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="ArticleImage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "place",
                    models.CharField(
                        choices=[
                            ("lead", "lead photograph"),
                            ("gallery", "gallery"),
                            ("body", "in the body"),
                        ],
                        max_length=10,
                        verbose_name="place",
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        blank=True,
                        choices=[("az", "Azerbaijani"), ("en", "English"), ("ru", "Russian")],
                        max_length=5,
                        verbose_name="language",
                    ),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Gallery photographs are shown by this number.",
                        verbose_name="position",
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="images",
                        to="news.article",
                        verbose_name="release",
                    ),
                ),
                (
                    "image",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="uses",
                        to="news.image",
                        verbose_name="photograph",
                    ),
                ),
            ],
            options={
                "verbose_name": "photograph of a release",
                "verbose_name_plural": "photographs of releases",
                "ordering": ["place", "position", "id"],
            },
        ),
        migrations.AddConstraint(
            model_name="image",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("focus_x__gte", 0),
                    ("focus_x__lte", 1),
                    ("focus_y__gte", 0),
                    ("focus_y__lte", 1),
                ),
                name="image_focus_inside",
            ),
        ),
        migrations.AddConstraint(
            model_name="image",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("original", ""), _negated=True), ("height__gt", 0), ("width__gt", 0)
                ),
                name="image_has_a_file",
            ),
        ),
        migrations.AddConstraint(
            model_name="articleimage",
            constraint=models.UniqueConstraint(
                condition=models.Q(("place", "lead")),
                fields=("article",),
                name="articleimage_one_lead",
            ),
        ),
        migrations.AddConstraint(
            model_name="articleimage",
            constraint=models.UniqueConstraint(
                fields=("article", "image", "place", "language"), name="articleimage_once_per_place"
            ),
        ),
        migrations.AddConstraint(
            model_name="articleimage",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("language__in", ("az", "en", "ru")), ("place", "body")),
                    models.Q(("language", ""), ("place__in", ["lead", "gallery"])),
                    _connector="OR",
                ),
                name="articleimage_language_of_body",
            ),
        ),
    ]
