"""/documents/: documents through the view that checks who may read them (replaces Wagtail's
serve view, under its name, so Document.url keeps working)."""

from django.urls import path

from wagtail.documents.views.serve import authenticate_with_password

from .views import serve_document

urlpatterns = [
    path("<int:document_id>/<str:document_filename>", serve_document, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
