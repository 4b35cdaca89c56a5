"""Know each photograph by the file it came from, so that one imported again is reused."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0019_fill_lead_photographs"),
    ]

    operations = [
        migrations.AddField(
            model_name="image",
            name="source_digest",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
    ]
