from .associations import (
    AssociationIndexPage,
    AssociationPage,
    AssociationRepresentative,
    AssociationSocialLink,
)
from .meetings import MeetingIndexPage, MeetingPage
from .pages import HomePage, StandardPage
from .roles import AssociationEditors
from .site_settings import NetworkSettings
from .snippets import District, FocusArea, Language, MeetingSeries, SupportTopic

__all__ = [
    "AssociationEditors",
    "AssociationIndexPage",
    "AssociationPage",
    "AssociationRepresentative",
    "AssociationSocialLink",
    "District",
    "FocusArea",
    "HomePage",
    "Language",
    "MeetingIndexPage",
    "MeetingPage",
    "MeetingSeries",
    "NetworkSettings",
    "StandardPage",
    "SupportTopic",
]
