"""Settings for a developer's machine and the one-command demo."""

import os
import secrets

from cms.settings.base import *  # noqa: F403
from cms.settings.base import VAR_DIR
from cms.settings.environment import env_bool


def _secret_key_kept_under_var() -> str:
    """Generate a secret key once and keep it in var/, so sessions survive restarts."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = os.environ.get("SECRET_KEY") or _secret_key_kept_under_var()
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
