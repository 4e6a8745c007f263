from django.urls import path

from wagtail import hooks

from .admin_api import register_admin_api_endpoints
from .views import private_file


@hooks.register("register_admin_urls")
def private_media_urls():
    # Under /admin/, so that only signed-in editors get there at all.
    return [path("medien/privat/<path:name>", private_file, name="medialibrary_private_file")]


@hooks.register("construct_admin_api", order=100)
def admin_api_of_choosable_media(router):
    # After Wagtail's own registrations (order 0), which these replace; see admin_api.
    register_admin_api_endpoints(router)
