"""Who sends a request, for counting it against a client."""

from django.conf import settings


def client_address(request):
    """The client's IP address; behind NETWORK_TRUSTED_PROXIES reverse proxies, the address
    the outermost of them saw. X-Forwarded-For is read only when proxies are configured: a
    client could write anything there."""
    proxies = settings.NETWORK_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
