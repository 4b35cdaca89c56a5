"""Create one group per language for translators, with the permissions a translator needs.

Translators see and change releases, but the admin lets them edit only the fields of the
languages whose group they belong to.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRANSLATOR_GROUPS = ["Translators: Azerbaijani", "Translators: English", "Translators: Russian"]
PERMISSIONS = [("news", "view_article"), ("news", "change_article"), ("news", "view_category")]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    news = apps.get_app_config("news")
    news.models_module = True
    create_permissions(news, verbosity=0, apps=apps)
    news.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in PERMISSIONS
    ]
    for name in TRANSLATOR_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=TRANSLATOR_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_translation_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
