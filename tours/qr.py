"""QR codes for the stops of a walk, drawn as SVG by segno."""

import io

import segno

from django.utils.safestring import mark_safe

# Medium error correction survives a scratched or partly covered sign.
ERROR_CORRECTION = "m"
# The quiet zone scanners need around the code, in modules.
QUIET_ZONE = 4


def qr_svg(url, *, title, standalone=False):
    """The QR code of ``url``: inline SVG for a page, or a standalone SVG file."""
    code = segno.make(url, error=ERROR_CORRECTION)
    if standalone:
        buffer = io.BytesIO()
        code.save(buffer, kind="svg", scale=10, border=QUIET_ZONE, title=title)
        return buffer.getvalue()
    # The SVG comes from segno alone; the title it embeds is escaped by segno.
    return mark_safe(  # noqa: S308
        code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, title=title, svgclass="qr-code")
    )
