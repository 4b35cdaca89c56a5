"""Create the newsroom's roles as groups: authors write and submit, publishers also publish.

Translators' groups come from migration 0004.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Authors": ["add_article", "change_article", "view_article", "view_category"],
    "Publishers": [
        "add_article",
        "change_article",
        "view_article",
        "delete_article",
        "publish_article",
        "view_category",
    ],
}


def create_roles(apps, schema_editor):
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


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0005_editorial_workflow")]

    operations = [migrations.RunPython(create_roles, remove_roles)]
