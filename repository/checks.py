from django.core import checks

LIBMAGIC_INSTALL_HINT = (
    "Install the system library libmagic: "
    "'sudo apt-get install libmagic1' (Debian/Ubuntu), "
    "'sudo dnf install file-libs' (Fedora), or 'brew install libmagic' (macOS)."
)


def libmagic_problem() -> str | None:
    """Return why python-magic cannot type files here, or None when it can."""
    try:
        import magic

        magic.from_buffer(b"%PDF-1.7\n", mime=True)
    except (ImportError, OSError) as error:
        return f"python-magic cannot use libmagic ({error}). {LIBMAGIC_INSTALL_HINT}"
    return None


def check_libmagic(app_configs=None, **kwargs):
    """File types are decided from the bytes by libmagic; refuse to start without it."""
    problem = libmagic_problem()
    if problem:
        return [checks.Error(problem, hint=LIBMAGIC_INSTALL_HINT, id="repository.E001")]
    return []
