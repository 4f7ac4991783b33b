"""One request's LTI cookies and server-side session, in the shapes pylti1p3 expects."""

from importlib import import_module

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from pylti1p3.contrib.django.cookie import DjangoCookieService
from pylti1p3.contrib.django.request import DjangoRequest
from pylti1p3.launch_data_storage.base import LaunchDataStorage

SESSION_SECONDS = 2 * 60 * 60
COOKIE_PATH = "/lti/"
SESSION_COOKIE = "nlka-lti-session"


class LtiExchange:
    """One request's LTI cookies and server-side session; finish() writes them to the response.

    The site's own session cookie is SameSite=Lax, which browsers withhold from the LMS's
    cross-site form posts and iframes, so LTI keeps a session of its own behind a cookie that
    is SameSite=None; Secure and limited to /lti/.
    """

    def __init__(self, request: HttpRequest):
        self.request = request
        engine = import_module(settings.SESSION_ENGINE)
        self.session = engine.SessionStore(request.COOKIES.get(SESSION_COOKIE))
        self.cookies = _Cookies(DjangoRequest(request))
        self.expired_cookies: list[str] = []

    def storage(self) -> "_SessionStorage":
        return _SessionStorage(self.session)

    def finish(self, response: HttpResponse) -> HttpResponse:
        self.cookies.update_response(response)
        for name in self.expired_cookies:
            response.delete_cookie(name, path=COOKIE_PATH, samesite="None")
        if self.session.modified:
            self.session.set_expiry(SESSION_SECONDS)
            self.session.save()
            _set_lti_cookie(response, SESSION_COOKIE, self.session.session_key, SESSION_SECONDS)
        return response


def _set_lti_cookie(response: HttpResponse, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        secure=True,
        httponly=True,
        samesite="None",
    )


class _Cookies(DjangoCookieService):
    """pylti1p3's state cookie, but always SameSite=None; Secure: it must survive the iframe."""

    def update_response(self, response):
        for name, cookie in self._cookie_data_to_set.items():
            _set_lti_cookie(response, name, str(cookie["value"]), cookie["exp"])
        self._cookie_data_to_set = {}

    def cookie_name(self, name: str) -> str:
        return self._get_key(name)


class _SessionStorage(LaunchDataStorage):
    """pylti1p3's launch data storage, kept in the exchange's own session."""

    def __init__(self, session):
        super().__init__()
        self._session = session

    def get_session_cookie_name(self):
        return None

    def can_set_keys_expiration(self) -> bool:
        return False

    def get_value(self, key: str):
        return self._session.get(key)

    def set_value(self, key: str, value, exp: int | None = None) -> None:
        self._session[key] = value

    def check_value(self, key: str) -> bool:
        return key in self._session

    def remove_value(self, key: str) -> None:
        self._session.pop(key, None)
