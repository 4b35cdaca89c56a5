"""Note each release's lead photograph on the release itself, from its lead use.

As Article.refresh_photographs() keeps it from then on. A migration of its own, so that on
PostgreSQL the rows it updates are committed apart from the column's creation.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    ArticleImage = apps.get_model("news", "ArticleImage")
    leads = ArticleImage.objects.filter(article=OuterRef("pk"), place="lead").values("image_id")
    Article.objects.filter(images__place="lead").update(lead_image_id=Subquery(leads[:1]))


class Migration(migrations.Migration):
    dependencies = [("news", "0018_lead_photograph_of_each_release")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
