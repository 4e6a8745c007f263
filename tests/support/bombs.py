"""Decompression bombs: small files that claim huge pictures, written without ever holding
the picture in memory."""

import io
import struct
import zlib


def _chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_bomb(width=13000, height=13000):
    """A PNG of ``width`` × ``height`` black pixels (8-bit grey): 164 KB on disk for
    13000 × 13000, 169 million pixels once decoded."""
    compressor = zlib.compressobj(9)
    rows = b"\x00" * (1 + width) * 100  # each row: filter type 0, then its pixels
    idat = bytearray()
    for _ in range(height // 100):
        idat += compressor.compress(rows)
    idat += compressor.compress(b"\x00" * (1 + width) * (height % 100))
    idat += compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", bytes(idat))
        + _chunk(b"IEND", b"")
    )


def gif_animation(width, height, frames):
    """An animated GIF of ``frames`` frames; each frame is small, all together are many pixels."""
    from PIL import Image

    # Each frame differs from the one before, or Pillow merges them.
    pictures = [Image.new("L", (width, height), color=index * 40 % 256) for index in range(frames)]
    buffer = io.BytesIO()
    pictures[0].save(buffer, "GIF", save_all=True, append_images=pictures[1:], duration=100)
    return buffer.getvalue()
