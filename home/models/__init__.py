from .associations import (
    AssociationIndexPage,
    AssociationPage,
    AssociationRepresentative,
    AssociationSocialLink,
)
from .meetings import MeetingIndexPage, MeetingPage
from .moderation_mail import ModerationMailPreference
from .pages import HomePage, JoinNetworkPage, StandardPage
from .participation import EditorInvitation, MeetingRegistration, MembershipApplication
from .preview import HeadlessPreview
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
    "EditorInvitation",
    "FocusArea",
    "HeadlessPreview",
    "HomePage",
    "JoinNetworkPage",
    "Language",
    "MeetingIndexPage",
    "MeetingPage",
    "MeetingRegistration",
    "MeetingSeries",
    "MembershipApplication",
    "ModerationMailPreference",
    "NetworkSettings",
    "StandardPage",
    "SupportTopic",
]
