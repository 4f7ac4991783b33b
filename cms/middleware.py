class AdminContentSecurityPolicyMiddleware:
    """Let the Wagtail admin run its inline widget scripts (date pickers); public pages may not.

    Must come after csp.middleware.CSPMiddleware, so it marks the response before that
    middleware writes the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix):
            update = dict(getattr(response, "_csp_update", None) or {})
            update["script-src"] = [*update.get("script-src", []), "'unsafe-inline'"]
            response._csp_update = update
        return response
