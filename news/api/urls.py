from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import ReleaseViewSet, SchemaView

app_name = "api"

router = SimpleRouter()
router.register("releases", ReleaseViewSet, basename="release")

urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    *router.urls,
]
