"""Let each newsroom role work with photographs as it works with releases.

Authors and publishers upload and describe photographs; only publishers delete them (and only
those nothing uses). Translators change the alt texts and captions of their languages, which
the admin limits to those fields.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Authors": ["add_image", "change_image", "view_image"],
    "Publishers": ["add_image", "change_image", "view_image", "delete_image"],
    "Translators: Azerbaijani": ["change_image", "view_image"],
    "Translators: English": ["change_image", "view_image"],
    "Translators: Russian": ["change_image", "view_image"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    news = apps.get_app_config("news")
    news.models_module = True
    create_permissions(news, verbosity=0, apps=apps)
    news.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="news", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="news", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [("news", "0016_photographs")]

    operations = [migrations.RunPython(grant, revoke)]
