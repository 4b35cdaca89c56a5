"""Give categories a description per language, for search engines and sharing previews.

The press centre's four sections get a sober one-sentence description in each language; any
other category is left empty, and its page keeps the general description.
"""

from django.db import migrations, models

import news.limits

HELP_TEXT = (
    "One sentence on what this section holds, shown by search engines and sharing previews "
    "of its page. Left empty, a general description of the site is used."
)

DESCRIPTIONS = {
    "news": {
        "az": "Dövlət Miqrasiya Xidmətinin xəbərləri: fəaliyyəti, görüşləri və tədbirləri.",
        "en": "News of the State Migration Service: its work, meetings and events.",
        "ru": "Новости Государственной миграционной службы: её работа, встречи и мероприятия.",
    },
    "announcements": {
        "az": (
            "Dövlət Miqrasiya Xidmətinin elanları: qaydalarda, xidmətlərdə və iş saatlarında "
            "dəyişikliklər."
        ),
        "en": (
            "Announcements of the State Migration Service: changes to procedures, services "
            "and opening hours."
        ),
        "ru": (
            "Объявления Государственной миграционной службы: изменения в порядке, услугах и "
            "часах работы."
        ),
    },
    "interviews": {
        "az": (
            "Dövlət Miqrasiya Xidmətinin rəhbərliyinin və əməkdaşlarının mətbuata verdiyi "
            "müsahibələr."
        ),
        "en": "Interviews given to the press by the leadership and staff of the State Migration "
        "Service.",
        "ru": (
            "Интервью руководства и сотрудников Государственной миграционной службы "
            "средствам массовой информации."
        ),
    },
    "articles": {
        "az": (
            "Miqrasiya qanunvericiliyi və Dövlət Miqrasiya Xidmətinin xidmətləri haqqında "
            "məqalələr."
        ),
        "en": "Articles on migration law and on the services of the State Migration Service.",
        "ru": (
            "Статьи о миграционном законодательстве и услугах Государственной миграционной службы."
        ),
    },
}


def describe_sections(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    for category in Category.objects.filter(key__in=DESCRIPTIONS):
        for language, text in DESCRIPTIONS[category.key].items():
            setattr(category, f"description_{language}", text)
        category.description = category.description_az
        category.save(
            update_fields=["description", "description_az", "description_en", "description_ru"]
        )


def description_field(null):
    return models.CharField(
        blank=True,
        null=null,
        help_text=HELP_TEXT,
        max_length=300,
        validators=[news.limits.validate_characters],
        verbose_name="description",
    )


class Migration(migrations.Migration):
    dependencies = [("news", "0024_image_source_digest")]

    operations = [
        migrations.AddField("category", "description", description_field(null=False)),
        *(
            migrations.AddField("category", f"description_{language}", description_field(True))
            for language in ("az", "en", "ru")
        ),
        # After the columns, so that on PostgreSQL no table is altered once rows are updated.
        migrations.RunPython(describe_sections, migrations.RunPython.noop),
    ]
