"""Site-wide response headers: the admin's own script policy and the permissions policy."""

from django.conf import settings

ADMIN_PREFIX = "/admin/"
# Wagtail's admin writes inline <script> elements (date pickers, choosers, inline panels).
# A nonce in the same directive would make browsers ignore 'unsafe-inline', so the admin's
# policy names none. The admin is reached only by signed-in staff and serves no user files.
ADMIN_SCRIPT_SRC = ["'self'", "'unsafe-inline'"]


class AdminContentSecurityPolicyMiddleware:
    """Give the Wagtail admin its own script policy; public pages keep nonces only.

    Must come after csp.middleware.CSPMiddleware, so it marks the response before that
    middleware writes the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            replace = dict(getattr(response, "_csp_replace", None) or {})
            replace["script-src"] = ADMIN_SCRIPT_SRC
            response._csp_replace = replace
        return response


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """Write {'camera': [], 'fullscreen': ['self', 'https://x']} as a Permissions-Policy."""
    parts = []
    for feature, allowed in policy.items():
        origins = " ".join(origin if origin == "self" else f'"{origin}"' for origin in allowed)
        parts.append(f"{feature}=({origins})")
    return ", ".join(parts)


class PermissionsPolicyMiddleware:
    """Switch off browser features the site never uses, for every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.NLKA_PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
