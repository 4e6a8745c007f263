"""HTTP around the API: the request for absolute URLs, and caching headers.

Anonymous answers show live, public content only, so shared caches may keep them briefly; they
carry an ETag, and a conditional request with a matching If-None-Match is answered 304. Answers
to a token (drafts, moderation, personal data of one's own association) are never stored.
"""

import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from . import query_guard
from .fields import current_request

API_PREFIX = "/api/"


class APIMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        reset_token = current_request.set(request)
        try:
            response = query_guard.refusal(request) or self.get_response(request)
        finally:
            current_request.reset(reset_token)
        return self.with_caching_headers(request, response)

    def with_caching_headers(self, request, response):
        patch_vary_headers(response, ["Authorization"])
        if response.has_header("Cache-Control"):
            return response  # the view decided (e.g. a preview)
        cacheable = (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and "HTTP_AUTHORIZATION" not in request.META
            and not response.streaming
        )
        if not cacheable:
            patch_cache_control(response, private=True, no_store=True)
            return response
        patch_cache_control(response, public=True, max_age=settings.NETWORK_API_CACHE_SECONDS)
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=None,
            response=response,
        )
