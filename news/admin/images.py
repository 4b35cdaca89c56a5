"""The photograph library: upload with a preview, describe in each language, find, reuse.

Press officers (authors and publishers) upload and describe photographs; an author may no
longer change one that a public release shows, as with the release itself. Translators change
only the alt texts and captions of their languages. Only publishers delete, and only a
photograph that no release, in the trash or not, and no revision shows.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from ..images.renditions import Kind
from ..images.storage import StorageFailure, file_storage
from ..images.validation import MAX_BYTES, MIN_SIDE, file_digest, open_upload
from ..languages import LANGUAGE_CODES
from ..models import Image
from ..roles import publishes_releases, translation_languages, writes_releases
from .translations import PerLanguageFilter

ACCEPTED_TYPES = "image/jpeg,image/png,image/webp"
# What only those who write releases may change; translators get the language texts.
PRESS_OFFICE_FIELDS = ("upload", "credit", "decorative", "focus_x", "focus_y")
TRANSLATED_FIELDS = ("alt", "caption")


class ImageAdminForm(forms.ModelForm):
    """Turns an uploaded file into the photograph's files, or says why it is refused.

    The upload is decoded while the form is validated; the files are stored only once every
    field is valid, so a refusal anywhere leaves nothing behind.
    """

    upload = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_TYPES}),
        help_text=_(
            "A JPEG, PNG or WebP photograph of at most %(size)d MB, at least %(side)d pixels "
            "on its shorter side. Its location, camera and every other detail the file holds "
            "are removed. Choosing a file for a photograph already in use replaces it "
            "wherever it is shown."
        )
        % {"size": MAX_BYTES // (1024 * 1024), "side": MIN_SIDE},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.picture = None
        if "upload" in self.fields:
            self.fields["upload"].required = self.instance.pk is None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            self.picture = open_upload(upload)
            self.instance.source_digest = file_digest(upload)
        return upload

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        refocused = {"focus_x", "focus_y"} & set(self.changed_data)
        try:
            if self.picture is not None:
                self.instance.take_picture(self.picture)
            elif self.instance.pk and refocused:
                self.instance.refocus()
        except StorageFailure as failure:
            self.add_error("upload" if "upload" in self.fields else None, failure.message)
        finally:
            self.picture = None  # its pixels are large; they are not needed any more


class MissingAltTextFilter(PerLanguageFilter):
    """Photographs, or releases showing one, without alt text in a language."""

    title = _("alt text missing in")
    parameter_name = "alt_missing"
    lacking = "lacking_alt_text"


@admin.register(Image)
class ImageAdmin(TabbedTranslationAdmin):
    form = ImageAdminForm
    list_display = ("thumbnail", "description", "alt_texts", "credit", "use_count", "created_at")
    list_display_links = ("thumbnail", "description")
    list_filter = (MissingAltTextFilter, "decorative")
    list_per_page = 40
    search_fields = (
        *(f"{field}_{code}" for field in TRANSLATED_FIELDS for code in LANGUAGE_CODES),
        "credit",
        "=id",
    )
    fieldsets = (
        (None, {"fields": ("upload", "preview")}),
        (_("Description"), {"fields": ("alt", "caption", "credit", "decorative")}),
        (_("Focal point of the crops"), {"fields": ("focus_x", "focus_y")}),
        (_("Where it is shown"), {"fields": ("used_by",)}),
    )

    class Media:
        js = ["news/admin/image-preview.js"]

    def get_urls(self):
        return [
            path(
                "<path:object_id>/thumbnail/",
                self.admin_site.admin_view(self.thumbnail_view),
                name="news_image_thumbnail",
            ),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.annotate(release_count=Count("uses__article", distinct=True))

    # Who may do what

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        # As with releases, an author hands a photograph over once a public release shows it.
        is_author_only = writes_releases(request.user) and not publishes_releases(request.user)
        return not (is_author_only and obj is not None and obj.is_on_public_record())

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if writes_releases(request.user):
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "upload"]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["preview", "used_by"]
        if writes_releases(request.user):
            return readonly
        languages = translation_languages(request.user)
        return [
            *readonly,
            *(name for name in PRESS_OFFICE_FIELDS if name != "upload"),
            *(
                f"{field}_{code}"
                for field in TRANSLATED_FIELDS
                for code in LANGUAGE_CODES
                if code not in languages
            ),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.has_change_permission(request, obj):
                self.refuse_fields_of_others(request, obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def refuse_fields_of_others(self, request, obj):
        """Refuse a post that carries a field its sender may only read, whatever they saw."""
        locked = set(self.get_readonly_fields(request, obj))
        if not writes_releases(request.user):
            locked.add("upload")
        if sent := sorted(locked & (set(request.POST) | set(request.FILES))):
            raise PermissionDenied(
                _("You may not change “%(field)s” of this photograph.") % {"field": sent[0]}
            )

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        # Releases protect their photographs in the database; revisions are asked here.
        for image in objs:
            protected += [
                _("Revision of %(date)s: %(use)s")
                % {
                    "date": date_format(version.revision.date_created, "DATETIME_FORMAT"),
                    "use": version.object_repr,
                }
                for version in image.revisions_using()
            ]
        return deleted, model_count, perms_needed, protected

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    # What the library shows

    def thumbnail_view(self, request, object_id):
        """Redirect to the photograph's small square: the body editor shows it."""
        image = self.get_object(request, unquote(object_id))
        if image is None or not self.has_view_permission(request, image):
            raise Http404
        squares = image.renditions_of(Kind.SQUARE, "jpeg")
        if not squares:
            raise Http404
        return HttpResponseRedirect(file_storage().url(squares[-1]["name"]))

    @admin.display(description=_("photograph"))
    def thumbnail(self, image):
        squares = image.renditions_of(Kind.SQUARE, "jpeg")
        if not squares:
            return "—"
        return format_html(
            '<img class="image-thumbnail" src="{}" width="80" height="80" alt="" loading="lazy">',
            file_storage().url(squares[-1]["name"]),
        )

    @admin.display(description=_("description"))
    def description(self, image):
        return str(image)

    @admin.display(description=_("alt text"))
    def alt_texts(self, image):
        if image.decorative:
            return _("decorative: none needed")
        return format_html_join(
            " ",
            '<span class="translation-state translation-state--{}">{} {}</span>',
            (
                ("missing", code.upper(), "✗")
                if image.lacks_alt_text(code)
                else ("current", code.upper(), "✓")
                for code in LANGUAGE_CODES
            ),
        )

    @admin.display(description=_("releases"), ordering="release_count")
    def use_count(self, image):
        return image.release_count

    @admin.display(description=_("preview"))
    def preview(self, image):
        widths = image.renditions_of(Kind.WIDTH, "jpeg") if image.pk else []
        source = min(widths, key=lambda entry: entry["width"]) if widths else None
        # The script shows the chosen file here before it is uploaded, and sets the focal
        # point where the preview is clicked.
        return format_html(
            '<div class="image-preview" data-focus-x="{}" data-focus-y="{}"{}>'
            '<img src="{}" alt="" width="{}" height="{}">'
            '<span class="image-preview__focus" aria-hidden="true"></span></div>',
            image.focus_x,
            image.focus_y,
            "" if source else mark_safe(" hidden"),
            file_storage().url(source["name"]) if source else "",
            source["width"] if source else "",
            source["height"] if source else "",
        )

    @admin.display(description=_("shown by"))
    def used_by(self, image):
        if image.pk is None:
            return "—"
        releases = image.releases()
        kept = len(image.revisions_using())
        listed = format_html_join(
            "",
            '<li><a href="{}">{}</a></li>',
            (
                (reverse("admin:news_article_change", args=[article.pk]), str(article))
                for article in releases
            ),
        )
        return format_html(
            "<ul>{}</ul><p>{}</p>",
            listed or format_html("<li>{}</li>", _("No release shows it.")),
            ngettext(
                "Kept in %(count)d revision of a release.",
                "Kept in %(count)d revisions of releases.",
                kept,
            )
            % {"count": kept},
        )
