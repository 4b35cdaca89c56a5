"""The releases, read-only, per language, through the public gate and kept like public pages."""

import hashlib
from functools import partial
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils.cache import patch_cache_control
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import exceptions, viewsets
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import PageNumberPagination

from ..languages import LANGUAGE_CODES
from ..models import Article
from ..views.pagination import ReleasePaginator
from .filters import ReleaseFilter
from .serializers import ReleaseSerializer

LANGUAGE_PARAMETER = OpenApiParameter(
    "language",
    OpenApiTypes.STR,
    enum=list(LANGUAGE_CODES),
    description="The language version to return; releases not public in it are left out.",
    default=settings.LANGUAGE_CODE,
)


class PublicAPIMixin:
    """An API view anyone may read: outside a transaction, its answers marked public."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        return transaction.non_atomic_requests(super().as_view(*args, **kwargs))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response


class ReleasePagination(PageNumberPagination):
    """Pages of releases counted once per content state, like the site's own lists."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        # Every filter and the language change the count; the page asked for does not.
        asked = sorted(
            (name, value)
            for name, value in request.query_params.items()
            if name != self.page_query_param
        )
        key = hashlib.sha256(urlencode(asked).encode()).hexdigest()[:32]
        self.django_paginator_class = partial(ReleasePaginator, count_key=f"api:{key}")
        return super().paginate_queryset(queryset, request, view)


@extend_schema_view(
    list=extend_schema(
        summary="Public releases, newest first",
        parameters=[LANGUAGE_PARAMETER],
    ),
    retrieve=extend_schema(summary="One public release", parameters=[LANGUAGE_PARAMETER]),
)
class ReleaseViewSet(PublicAPIMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ReleaseSerializer
    pagination_class = ReleasePagination
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    filterset_class = ReleaseFilter
    ordering_fields = ["published_at", "changed_at"]
    ordering = ["-published_at", "-id"]

    def language(self):
        language = self.request.query_params.get("language", settings.LANGUAGE_CODE)
        if language not in LANGUAGE_CODES:
            raise exceptions.ValidationError(
                {"language": [f"Expected one of {', '.join(LANGUAGE_CODES)}."]}
            )
        return language

    def get_queryset(self):
        return (
            Article.objects.visible(self.language())
            .annotate(changed_at=F("updated_at"))
            .select_related("category")
            .with_lead_photographs()
            .prefetch_related("change_notes")
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "language": self.language()}


class SchemaView(PublicAPIMixin, SpectacularAPIView):
    """The OpenAPI document of the API, at an address that stays put."""
