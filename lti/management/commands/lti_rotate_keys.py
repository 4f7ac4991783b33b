from django.core.management.base import BaseCommand

from lti.models import ToolKey
from lti.services import tool_keys_rotate


class Command(BaseCommand):
    help = (
        "Rotate the LTI signing keys: retire previous, demote current, promote next, create a "
        "new next. Run it regularly (for example monthly); the JWKS publishes all three."
    )

    def handle(self, *args, **options):
        current = tool_keys_rotate()
        self.stdout.write(f"Signing with {current.kid}.")
        for key in ToolKey.objects.order_by("created_at"):
            self.stdout.write(f"  {key.get_status_display()}: {key.kid}")
