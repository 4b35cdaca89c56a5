from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """Django's admin, with the newsroom's site as ``admin.site``."""

    default_site = "migration_portal.admin.site.NewsroomAdminSite"
