from django.urls import path

from . import views

app_name = "operations"

urlpatterns = [
    path("health/", views.health, name="health"),
]
