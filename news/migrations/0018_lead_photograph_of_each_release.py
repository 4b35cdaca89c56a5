"""Keep each release's lead photograph on the release, for lists to read with it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0017_photograph_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="lead_image",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="news.image",
                verbose_name="lead photograph",
            ),
        ),
    ]
