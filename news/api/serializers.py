"""How a release looks in the API: one language version, with the addresses of the others."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..images.renditions import FORMATS, Kind
from ..images.storage import file_storage
from ..models import localized


class LanguageVersionSerializer(serializers.Serializer):
    language = serializers.CharField(help_text="Language code: az, en or ru.")
    url = serializers.URLField(help_text="Address of the release's page in that language.")


class CategorySerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable name of the section, such as news.")
    name = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    def get_name(self, category) -> str:
        return localized(category, "name", self.context["language"])

    def get_url(self, category) -> str:
        path = category.get_absolute_url(self.context["language"])
        return self.context["request"].build_absolute_uri(path)


KINDS = [Kind.WIDTH, Kind.SQUARE, Kind.SOCIAL]


class RenditionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=KINDS,
        help_text="width: the whole photograph at that width; square: a square crop; "
        "social: the 1200 × 630 crop for sharing.",
    )
    format = serializers.ChoiceField(choices=FORMATS)
    width = serializers.IntegerField(help_text="In pixels.")
    height = serializers.IntegerField(help_text="In pixels.")
    url = serializers.SerializerMethodField(help_text="Absolute address of the file.")

    def get_url(self, rendition) -> str:
        return self.context["request"].build_absolute_uri(file_storage().url(rendition["name"]))


class PhotographSerializer(serializers.Serializer):
    alt = serializers.SerializerMethodField(
        help_text="What it shows, in the language asked for; empty for a decorative image."
    )
    caption = serializers.SerializerMethodField(help_text="In the language asked for, or empty.")
    credit = serializers.CharField(help_text="Who took the photograph or owns it.")
    width = serializers.IntegerField(help_text="Width of the photograph as stored, in pixels.")
    height = serializers.IntegerField(help_text="Height of the photograph as stored, in pixels.")
    renditions = serializers.SerializerMethodField(
        help_text="The sizes the site offers, largest of each kind first."
    )

    def get_alt(self, image) -> str:
        return image.alt_text(self.context["language"])

    def get_caption(self, image) -> str:
        return localized(image, "caption", self.context["language"])

    @extend_schema_field(RenditionSerializer(many=True))
    def get_renditions(self, image):
        ordered = [entry for kind in KINDS for entry in image.renditions_of(kind)]
        return RenditionSerializer(ordered, many=True, context=self.context).data


class ChangeNoteSerializer(serializers.Serializer):
    created_at = serializers.DateTimeField(help_text="When the change was made.")
    note = serializers.CharField(help_text="What changed, in the release's original language.")
    language = serializers.CharField(help_text="Language of the note.")


class ReleaseSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    legacy_id = serializers.IntegerField(
        allow_null=True, help_text="Number of the release on the agency's previous website."
    )
    language = serializers.SerializerMethodField(help_text="Language of this version.")
    url = serializers.SerializerMethodField(help_text="Address of the release's page.")
    title = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField(help_text="The lead, plain text.")
    body = serializers.SerializerMethodField(help_text="The text, as sanitised HTML.")
    category = CategorySerializer()
    published_at = serializers.DateTimeField(help_text="Release date and time, with its offset.")
    updated_at = serializers.SerializerMethodField(
        help_text="When visitors were last told of a change: the release, or its latest note."
    )
    changed_at = serializers.DateTimeField(
        source="updated_at",
        help_text="When anything of the release last changed; for incremental mirroring.",
    )
    languages = serializers.SerializerMethodField(
        help_text="The languages the release is public in, original first."
    )
    change_notes = ChangeNoteSerializer(many=True)
    lead_photograph = PhotographSerializer(
        source="lead_image",
        allow_null=True,
        help_text="The photograph shown under the title, or null when the release has none.",
    )

    def _text(self, article, field):
        return localized(article, field, self.context["language"])

    def get_language(self, article) -> str:
        return self.context["language"]

    def get_url(self, article) -> str:
        path = article.get_absolute_url(self.context["language"])
        return self.context["request"].build_absolute_uri(path)

    def get_title(self, article) -> str:
        return self._text(article, "title")

    def get_summary(self, article) -> str:
        return self._text(article, "summary")

    def get_body(self, article) -> str:
        return self._text(article, "body")

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_updated_at(self, article):
        return serializers.DateTimeField().to_representation(article.last_public_change())

    @extend_schema_field(LanguageVersionSerializer(many=True))
    def get_languages(self, article):
        request = self.context["request"]
        return [
            {"language": code, "url": request.build_absolute_uri(article.get_absolute_url(code))}
            for code in article.public_languages()
        ]
