"""Finding personal data across the apps: every model inheriting PersonalData."""

from django.apps import apps

from .models.participation import PersonalData


def personal_data_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, PersonalData) and not model._meta.abstract
    ]
