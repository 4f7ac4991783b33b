from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts import roles
from accounts.services import demo_user_ensure, roles_sync
from cms.services import demo_material_links_ensure, demo_site_ensure
from metadata.services import vocabularies_load_builtin
from repository.services.demo import demo_materials_ensure
from repository.services.demo_remix import demo_collection_ensure, demo_remixes_ensure
from repository.services.feedback import demo_feedback_ensure
from repository.services.review import demo_reviews_ensure

DEMO_PASSWORD = "nlka-demo-2026"  # noqa: S105 - demo accounts only, refused outside DEBUG

DEMO_USERS = [
    ("leraar@example.org", "Demo Leraar", [roles.TEACHERS], False),
    ("leerkracht@example.org", "Demo Leerkracht (po)", [roles.TEACHERS], False),
    ("docent.pro@example.org", "Demo Docent (pro/so)", [roles.TEACHERS], False),
    ("beoordelaar@example.org", "Demo Beoordelaar", [roles.TEACHERS, roles.REVIEWERS], False),
    ("redacteur@example.org", "Demo Redacteur", [roles.EDITORS], False),
    ("beheerder@example.org", "Demo Beheerder", [], True),
]


class Command(BaseCommand):
    help = "Load demo content: pages, vocabularies and one account per role (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even with DEBUG off. The demo accounts have a published password.",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "seed_demo creates accounts with a published password; it runs only with "
                "DEBUG on. Pass --allow-production to run it anyway."
            )
        roles_sync()
        concepts = vocabularies_load_builtin()
        home = demo_site_ensure()
        users = {
            email: demo_user_ensure(
                email=email,
                password=DEMO_PASSWORD,
                display_name=display_name,
                roles=user_roles,
                superuser=superuser,
            )
            for email, display_name, user_roles, superuser in DEMO_USERS
        }
        authors = [
            users["leraar@example.org"],
            users["leerkracht@example.org"],
            users["docent.pro@example.org"],
        ]
        materials = demo_materials_ensure(
            authors=authors, publisher=users["beoordelaar@example.org"]
        )
        remixes = demo_remixes_ensure(authors=authors, publisher=users["beoordelaar@example.org"])
        collection = demo_collection_ensure(owner=users["leraar@example.org"])
        demo_material_links_ensure()
        demo_feedback_ensure(teachers=list(users.values()), editor=users["redacteur@example.org"])
        demo_reviews_ensure(reviewer=users["beoordelaar@example.org"])
        self.stdout.write(
            f"Demo content ready: home page '{home.title}', {concepts} concepts, "
            f"{materials} materials, {remixes} adaptations, collection '{collection.title}'."
        )
        self.stdout.write(f"Demo log-ins (password for each: {DEMO_PASSWORD}):")
        for email, display_name, _roles, _superuser in DEMO_USERS:
            self.stdout.write(f"  {display_name:<18} {email}")
