"""A release's photographs in its admin page: the lead photograph, the ordered gallery, and
which photograph lacks alt text in which language.

Whoever may change the release may change its photographs; translators see them and write
the alt texts in the library. Photographs placed in a body are recorded from the body itself
and are not edited here.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ..images.renditions import Kind
from ..images.storage import file_storage
from ..languages import translated_name
from ..models import ArticleImage
from ..models.images import images_lacking_alt_text
from ..roles import writes_releases


class PlacedImagesFormSet(BaseInlineFormSet):
    """The uses of one place (lead or gallery): each new row is put there, none twice."""

    place = None
    most = None

    def __init__(self, data=None, files=None, *args, **kwargs):
        super().__init__(data, files, *args, **kwargs)
        # A post that carries none of these rows (a client that predates photographs, a
        # script) leaves the release's photographs as they are, as an import leaves out a
        # language it does not carry.
        self.left_out = self.is_bound and f"{self.prefix}-TOTAL_FORMS" not in self.data
        if self.left_out:
            self.is_bound = False

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # A table row's inputs have only the column's heading above them: name each.
        for name, field in form.fields.items():
            field.widget.attrs.setdefault("aria-label", capfirst(str(field.label or name)))

    @classmethod
    def get_default_prefix(cls):
        return f"photographs_{cls.place}"

    def is_valid(self):
        return self.left_out or super().is_valid()

    def save(self, commit=True):
        if self.left_out:
            self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
            return []
        return super().save(commit)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.place = self.place
        return form

    def clean(self):
        super().clean()
        chosen = [
            form.cleaned_data["image"]
            for form in self.forms
            if form.cleaned_data.get("image") and not form.cleaned_data.get("DELETE")
        ]
        if self.most is not None and len(chosen) > self.most:
            raise ValidationError(_("A release has one lead photograph."), code="too_many")
        if len(set(chosen)) < len(chosen):
            raise ValidationError(
                _("Each photograph can be in the gallery once."), code="duplicate"
            )


class LeadFormSet(PlacedImagesFormSet):
    place = ArticleImage.Place.LEAD
    most = 1


class GalleryFormSet(PlacedImagesFormSet):
    place = ArticleImage.Place.GALLERY


def revision_uses(version, place):
    """Return [{"image": id, "position": n}] of the photographs ``version`` had in ``place``."""
    uses = [
        kept.field_dict
        for kept in version.revision.version_set.all()
        if kept.content_type.model_class() is ArticleImage
    ]
    return [
        {"image": use["image_id"], "position": use["position"]}
        for use in sorted(uses, key=lambda use: use["position"])
        if use["place"] == place
    ]


class PlacedImagesInline(admin.TabularInline):
    model = ArticleImage
    fk_name = "article"
    raw_id_fields = ["image"]
    readonly_fields = ["thumbnail"]
    extra = 1

    def get_extra(self, request, obj=None, **kwargs):
        # Restoring a revision proposes its photographs as new rows, and room for one more.
        if version := getattr(request, "restoring_revision", None):
            return len(revision_uses(version, self.formset.place)) + self.extra
        return self.extra

    def get_queryset(self, request):
        place = self.formset.place
        return super().get_queryset(request).filter(place=place).select_related("image")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "image":
            # The gallery script shows the chosen photograph's thumbnail at once.
            field.widget.attrs["data-thumbnail-url"] = reverse(
                "admin:news_image_thumbnail", args=["__number__"]
            )
        return field

    # The release's rules decide: whoever may change the release may change its photographs.

    def release_admin(self):
        return self.admin_site.get_model_admin(self.parent_model)

    def has_view_permission(self, request, obj=None):
        return self.release_admin().has_view_permission(request, obj)

    def may_change(self, request, obj):
        return writes_releases(request.user) and self.release_admin().has_change_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return self.may_change(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.may_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.may_change(request, obj)

    @admin.display(description=_("preview"))
    def thumbnail(self, use):
        squares = use.image.renditions_of(Kind.SQUARE, "jpeg") if use.image_id else []
        if not squares:
            return ""
        return format_html(
            '<img class="image-thumbnail" src="{}" width="80" height="80" alt="">',
            file_storage().url(squares[-1]["name"]),
        )


class LeadImageInline(PlacedImagesInline):
    formset = LeadFormSet
    fields = ["image", "thumbnail"]
    max_num = 1
    verbose_name = _("lead photograph")
    verbose_name_plural = _("lead photograph")


class GalleryInline(PlacedImagesInline):
    formset = GalleryFormSet
    fields = ["position", "image", "thumbnail"]
    ordering = ["position", "id"]
    classes = ["gallery"]
    verbose_name = _("gallery photograph")
    verbose_name_plural = _("gallery: drag the rows, or number them, to order the photographs")


class ReleaseImagesMixin:
    """The lead photograph and gallery inlines, and what the alt texts still lack."""

    inlines = [LeadImageInline, GalleryInline]

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        version = getattr(request, "restoring_revision", None)
        if version is not None and isinstance(inline, PlacedImagesInline):
            # Restoring replaces the photographs the release has now with the revision's: the
            # form offers the revision's, and saving it puts them back in their places.
            kwargs["queryset"] = ArticleImage.objects.none()
            if request.method != "POST":
                kwargs["initial"] = revision_uses(version, inline.formset.place)
        return kwargs

    def save_formset(self, request, form, formset, change):
        restoring = getattr(request, "restoring_revision", None) is not None
        if restoring and isinstance(formset, PlacedImagesFormSet) and not formset.left_out:
            # One by one, so that each removal keeps what is derived from it in step.
            for use in ArticleImage.objects.filter(article=form.instance, place=formset.place):
                use.delete()
        super().save_formset(request, form, formset, change)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.append((_("Alt texts of the photographs"), {"fields": ["alt_text_overview"]}))
        return fieldsets

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        for code, images in images_lacking_alt_text(article).items():
            if images and article.is_complete_in(code):
                messages.warning(
                    request,
                    _(
                        "Visitors will not see the %(language)s version until these "
                        "photographs have alt text in %(name)s: %(photographs)s."
                    )
                    % {
                        "language": code.upper(),
                        "name": translated_name(code),
                        "photographs": ", ".join(str(image) for image in images),
                    },
                )

    @admin.display(description=_("missing alt text"))
    def alt_text_overview(self, article):
        missing = [
            (code, images) for code, images in images_lacking_alt_text(article).items() if images
        ]
        if not missing:
            return _("Every photograph of this release has alt text in every language.")
        return format_html_join(
            "",
            "<p><strong>{}</strong>: {}</p>",
            (
                (
                    code.upper(),
                    format_html_join(
                        ", ",
                        '<a href="{}">{}</a>',
                        (
                            (reverse("admin:news_image_change", args=[image.pk]), str(image))
                            for image in images
                        ),
                    ),
                )
                for code, images in missing
            ),
        )

    @property
    def media(self):
        return super().media + forms.Media(js=["news/admin/gallery.js"])
