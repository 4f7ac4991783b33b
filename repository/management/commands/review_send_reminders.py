from django.core.management.base import BaseCommand

from repository.services.review import review_reminders_send


class Command(BaseCommand):
    help = "Remind reviewers of overdue reviews (at most once a day per assignment; safe to rerun)."

    def handle(self, *args, **options):
        sent = review_reminders_send()
        self.stdout.write(f"Sent {sent} review reminder(s).")
