from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from metadata.importers.slo import slo_vocabularies_import
from metadata.importers.slo_files import SloDataError


class Command(BaseCommand):
    help = (
        "Importeer de vakleergebieden en kerndoelen van SLO uit een map met SLO-JSON-bestanden "
        "(bijvoorbeeld ../shared/vocabularies/slo). Nog een keer draaien verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            type=Path,
            help="Map met curriculum-basis/ en curriculum-kerndoelen/ van SLO.",
        )

    def handle(self, *args, directory: Path, **options):
        try:
            report = slo_vocabularies_import(directory=directory)
        except SloDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "SLO-gegevens geïmporteerd: {subjects} vakleergebieden, {goals} kerndoelen en "
                "{retired} vervangen kerndoelen."
            ).format(
                subjects=report.subjects,
                goals=report.curriculum_goals,
                retired=report.retired_curriculum_goals,
            )
        )
        self.stdout.write(
            _("Nieuw: {created}, gewijzigd: {updated}, ongewijzigd: {unchanged}.").format(
                created=report.created, updated=report.updated, unchanged=report.unchanged
            )
        )
        for problem in report.problems:
            self.stdout.write(self.style.WARNING(_("Let op: {problem}").format(problem=problem)))
