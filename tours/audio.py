"""Recognising audio files by their first bytes, not by their name alone."""

# Signatures of the formats browsers play in <audio>: (offset, bytes, format).
SIGNATURES = (
    (0, b"ID3", "mp3"),  # MP3 with an ID3 tag
    (0, b"\xff\xfb", "mp3"),  # MP3 frame headers (MPEG-1 Layer III, various bit flags)
    (0, b"\xff\xf3", "mp3"),
    (0, b"\xff\xf2", "mp3"),
    (0, b"OggS", "ogg"),  # Ogg: Vorbis or Opus
    (0, b"fLaC", "flac"),
    (4, b"ftyp", "m4a"),  # MPEG-4 audio
)


def audio_format(fileobj):
    """The audio format of an open binary file ('mp3', 'ogg', 'wav', ...), or None."""
    position = fileobj.tell() if hasattr(fileobj, "tell") else 0
    head = fileobj.read(12)
    fileobj.seek(position)
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    for offset, signature, name in SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return name
    return None
