"""WSGI entry point; gunicorn serves `cms.wsgi:application`."""

import os

from django.core.wsgi import get_wsgi_application

from cms.wsgi_input import with_socket_body_reader

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = with_socket_body_reader(get_wsgi_application())
