"""Create the press centre's four sections, which imports and the site's navigation rely on."""

from django.db import migrations

SECTIONS = [
    # key, position, {language: (name, slug)}
    (
        "news",
        1,
        {"az": ("Xəbərlər", "xeberler"), "en": ("News", "news"), "ru": ("Новости", "novosti")},
    ),
    (
        "announcements",
        2,
        {
            "az": ("Elanlar", "elanlar"),
            "en": ("Announcements", "announcements"),
            "ru": ("Объявления", "obyavleniya"),
        },
    ),
    (
        "interviews",
        3,
        {
            "az": ("Müsahibələr", "musahibeler"),
            "en": ("Interviews", "interviews"),
            "ru": ("Интервью", "intervyu"),
        },
    ),
    (
        "articles",
        4,
        {
            "az": ("Məqalələr", "meqaleler"),
            "en": ("Articles", "articles"),
            "ru": ("Статьи", "stati"),
        },
    ),
]


def create_sections(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    for key, position, names in SECTIONS:
        fields = {"position": position, "name": names["az"][0], "slug": names["az"][1]}
        for language, (name, slug) in names.items():
            fields[f"name_{language}"] = name
            fields[f"slug_{language}"] = slug
        Category.objects.update_or_create(key=key, defaults=fields)


def remove_unused_sections(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    Category.objects.filter(key__in=[key for key, *_rest in SECTIONS], articles=None).delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(create_sections, remove_unused_sections)]
