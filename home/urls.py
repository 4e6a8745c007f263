from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("einladung/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
