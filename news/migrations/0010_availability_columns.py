"""Keep, per language, whether a release's version may be shown, so the gate reads one column."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("news", "0008_text_limits_release_dates_and_category_addresses")]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_public_category"),
        migrations.AddField(
            model_name="article",
            name="available_az",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="available_en",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="available_ru",
            field=models.BooleanField(default=False, editable=False),
        ),
    ]
