"""Files over HTTP as browsers and media players expect them: byte ranges (audio that seeks,
iOS plays nothing without them), validators for conditional requests."""

import re

from django.http import HttpResponse, HttpResponseNotModified, StreamingHttpResponse
from django.utils.http import http_date, parse_etags

CHUNK_SIZE = 64 * 1024
SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _requested_range(request, size, etag):
    """(start, end) inclusive for a satisfiable single range, None to send everything, or
    "unsatisfiable". Several ranges at once are answered with the whole file, as RFC 9110
    allows."""
    header = request.headers.get("Range", "").replace(" ", "")
    if not header or request.method not in ("GET", "HEAD"):
        return None
    if_range = request.headers.get("If-Range")
    if if_range is not None and if_range != etag:
        return None  # the client's copy is outdated: start over with the whole file
    match = SINGLE_RANGE.match(header)
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    if last and int(last) < start:
        return None  # an invalid range is ignored (RFC 9110, 14.2)
    if start >= size:
        return "unsatisfiable"
    return start, min(int(last), size - 1) if last else size - 1


def _chunks(fileobj, start, length):
    try:
        fileobj.seek(start)
        remaining = length
        while remaining > 0:
            chunk = fileobj.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        fileobj.close()


def file_response(request, open_file, *, size, content_type, etag=None, modified=None):
    """A GET/HEAD answer for a stored file: 200 with the whole file, 206 with one range, 304
    when the client's copy is current, 416 for a range outside the file.

    ``open_file`` is called only when bytes are sent."""
    # If-None-Match compares weakly: W/"x" matches "x" (RFC 9110, 13.1.2).
    if_none_match = {
        tag.removeprefix("W/") for tag in parse_etags(request.headers.get("If-None-Match", ""))
    }
    if etag and (etag in if_none_match or "*" in if_none_match):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response
    byte_range = _requested_range(request, size, etag)
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    else:
        start, end = byte_range or (0, size - 1)
        length = max(end - start + 1, 0)
        if request.method == "HEAD":
            response = HttpResponse(status=206 if byte_range else 200)
        else:
            response = StreamingHttpResponse(
                _chunks(open_file(), start, length), status=206 if byte_range else 200
            )
        response["Content-Length"] = str(length)
        if byte_range:
            response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Type"] = content_type
    response["Accept-Ranges"] = "bytes"
    if etag:
        response["ETag"] = etag
    if modified:
        response["Last-Modified"] = http_date(modified.timestamp())
    return response
