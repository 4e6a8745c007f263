"""Storage for what members of the public send: never served from the public media URL.

The story submissions' migration names ``home.storage.private_storage``; it lives in the media
library with the rest of the rules on where files are kept."""

from medialibrary.storage import private_storage

__all__ = ["private_storage"]
