from django.urls import path

from . import views

app_name = "operations"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots"),
]
