"""Demo materials for `seed_demo`: real files, every sector, every state a material can be in."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from metadata.models import Concept
from repository import demo_files
from repository.models import Material
from repository.services.materials import (
    material_add_file,
    material_create_draft,
    material_publish,
    material_save_draft,
    material_submit_for_review,
    material_withdraw,
)

DRAFT, IN_REVIEW, PUBLISHED, TWO_VERSIONS, WITHDRAWN = (
    "draft",
    "in_review",
    "published",
    "two_versions",
    "withdrawn",
)

# title, summary, levels, subjects, licence, file kind, state
DEMO_MATERIALS = [
    (
        "Breuken vergelijken",
        "Oefenbladen om breuken te vergelijken met een getallenlijn.",
        ["groep 6"],
        ["rw"],
        "cc-by-4.0",
        "pdf",
        TWO_VERSIONS,
    ),
    (
        "Tafels oefenen met ritme",
        "Tafels van 1 tot 10 oefenen met klappen en een liedje.",
        ["groep 4", "groep 5"],
        ["rw"],
        "cc-by-sa-4.0",
        "wav",
        PUBLISHED,
    ),
    (
        "Begrijpend lezen: de bijenkorf",
        "Een informatieve tekst over bijen met vragen op drie niveaus.",
        ["groep 7"],
        ["ne"],
        "cc-by-4.0",
        "odt",
        PUBLISHED,
    ),
    (
        "Spelling van werkwoorden",
        "Stappenplan en oefeningen voor de ik-, jij- en hij-vorm.",
        ["groep 6", "groep 7"],
        ["ne"],
        "cc-by-nc-sa-4.0",
        "docx",
        PUBLISHED,
    ),
    (
        "De Gouden Eeuw in tien plaatjes",
        "Platen met korte teksten over handel, kunst en slavernij.",
        ["groep 8"],
        ["gs"],
        "cc-by-4.0",
        "png",
        TWO_VERSIONS,
    ),
    (
        "Kaartlezen in de eigen wijk",
        "Buitenles: de leerlingen lopen een route met een plattegrond.",
        ["groep 5"],
        ["ak"],
        "cc0-1.0",
        "pdf",
        PUBLISHED,
    ),
    (
        "Woordenschat: het weer",
        "Woordkaarten met plaatjes voor jonge kinderen en nieuwkomers.",
        ["groep 1", "groep 2"],
        ["ne"],
        "cc-by-4.0",
        "jpeg",
        PUBLISHED,
    ),
    (
        "Programmeren zonder computer",
        "Unplugged opdrachten over algoritmes en herhalingen.",
        ["groep 6", "groep 7"],
        ["DG"],
        "cc-by-sa-4.0",
        "pdf",
        IN_REVIEW,
    ),
    (
        "Mediawijsheid: nepnieuws herkennen",
        "Lesbrief met echte en verzonnen krantenkoppen.",
        ["groep 8", "vmbo"],
        ["DG", "BU"],
        "cc-by-4.0",
        "odt",
        PUBLISHED,
    ),
    (
        "Democratie in de klas",
        "Een klassenvergadering voorbereiden en leiden.",
        ["groep 7", "groep 8"],
        ["BU"],
        "cc-by-nc-4.0",
        "pdf",
        DRAFT,
    ),
    (
        "Lineaire verbanden",
        "Instructie en oefenopgaven over formules, tabellen en grafieken.",
        ["havo", "vwo"],
        ["wi"],
        "cc-by-4.0",
        "pdf",
        TWO_VERSIONS,
    ),
    (
        "Fotosynthese in stappen",
        "Praktische opdracht met waterpest en een lamp.",
        ["havo"],
        ["bio"],
        "cc-by-sa-4.0",
        "docx",
        PUBLISHED,
    ),
    (
        "Krachten en beweging",
        "Proefjes met karretjes en veerunsters, met werkblad.",
        ["vmbo"],
        ["na"],
        "cc-by-4.0",
        "pdf",
        PUBLISHED,
    ),
    (
        "English: ordering food",
        "Rollenspel met menukaarten en luisteroefening.",
        ["vmbo"],
        ["en"],
        "cc-by-4.0",
        "wav",
        PUBLISHED,
    ),
    (
        "Betogen schrijven",
        "Van standpunt tot slot: schrijfkader met voorbeeldteksten.",
        ["havo", "vwo"],
        ["ne"],
        "cc-by-nc-sa-4.0",
        "odt",
        IN_REVIEW,
    ),
    (
        "De Koude Oorlog in bronnen",
        "Bronnenonderzoek met spotprenten en toespraken.",
        ["vwo"],
        ["gs"],
        "cc-by-4.0",
        "pdf",
        PUBLISHED,
    ),
    (
        "Klimaat en landschap",
        "Atlasopdrachten over klimaatzones.",
        ["havo"],
        ["ak"],
        "cc-by-nd-4.0",
        "pdf",
        PUBLISHED,
    ),
    (
        "Economie: vraag en aanbod",
        "Marktspel voor in de klas met prijskaarten.",
        ["havo", "vwo"],
        ["ec"],
        "cc-by-4.0",
        "docx",
        DRAFT,
    ),
    (
        "Chemische reacties herkennen",
        "Demonstratieproeven met observatieformulier.",
        ["havo"],
        ["sk"],
        "cc-by-sa-4.0",
        "pdf",
        WITHDRAWN,
    ),
    (
        "Quiz: hoofdsteden van Europa",
        "Interactieve oefening met directe feedback.",
        ["vmbo", "havo"],
        ["ak"],
        "cc-by-4.0",
        "h5p",
        PUBLISHED,
    ),
    (
        "Dagritme met pictogrammen",
        "Pictogrammen voor een visueel dagritme in de klas.",
        ["so"],
        ["ojw"],
        "cc-by-4.0",
        "png",
        PUBLISHED,
    ),
    (
        "Geld tellen in de winkel",
        "Oefenen met echt ogend geld in een klassenwinkel.",
        ["so", "pro"],
        ["rw"],
        "cc-by-sa-4.0",
        "pdf",
        TWO_VERSIONS,
    ),
    (
        "Veilig oversteken",
        "Stapsgewijze instructie met foto's van de schoolomgeving.",
        ["so"],
        ["ojw"],
        "cc0-1.0",
        "jpeg",
        IN_REVIEW,
    ),
    (
        "Sociale vaardigheden: om hulp vragen",
        "Rollenspelkaarten en gesprekskaarten.",
        ["vso"],
        ["BU"],
        "cc-by-nc-4.0",
        "odt",
        PUBLISHED,
    ),
    (
        "Solliciteren: het eerste gesprek",
        "Oefengesprekken en een checklist voor de stage.",
        ["pro", "vso"],
        ["voa"],
        "cc-by-4.0",
        "docx",
        PUBLISHED,
    ),
    (
        "Werken in de keuken: hygiëne",
        "Werkinstructies met pictogrammen voor praktijklessen.",
        ["pro"],
        ["voa"],
        "cc-by-sa-4.0",
        "pdf",
        PUBLISHED,
    ),
    (
        "Rekenen met recepten",
        "Hoeveelheden omrekenen voor meer of minder personen.",
        ["pro"],
        ["rw"],
        "cc-by-4.0",
        "pdf",
        DRAFT,
    ),
    (
        "Lezen op maat: korte verhalen",
        "Verhalen in eenvoudige taal met luisterversie.",
        ["vso", "pro"],
        ["ne"],
        "cc-by-4.0",
        "wav",
        PUBLISHED,
    ),
    (
        "Tijd en klokkijken",
        "Werkbladen met analoge en digitale klokken.",
        ["so", "groep 4"],
        ["rw"],
        "cc-by-nc-sa-4.0",
        "pdf",
        WITHDRAWN,
    ),
    (
        "Notities: samenwerken in projecten",
        "Rolkaarten en een planningsbord voor projectwerk.",
        ["vmbo", "pro"],
        ["BU"],
        "cc-by-4.0",
        "txt",
        DRAFT,
    ),
]

EXTENSIONS = {"jpeg": "jpg", "wav": "wav", "h5p": "h5p", "txt": "md"}


def _file_for(kind: str, title: str, summary: str, version: int = 1) -> tuple[bytes, str]:
    stem = title.lower().replace(":", "").replace(" ", "-")
    label = f"{title} (versie {version})"
    makers = {
        "pdf": lambda: demo_files.pdf_bytes(label, [summary, "NLKA demo-leermiddel"]),
        "odt": lambda: demo_files.odt_bytes(label, [summary]),
        "docx": lambda: demo_files.docx_bytes(label, [summary]),
        "png": lambda: demo_files.png_bytes(label),
        "jpeg": lambda: demo_files.jpeg_bytes(label),
        "wav": lambda: demo_files.wav_bytes(0.8, 330 + 20 * version),
        "h5p": lambda: demo_files.h5p_bytes(label),
        "txt": lambda: demo_files.text_bytes(f"# {label}\n\n{summary}\n"),
    }
    name = f"{stem}-v{version}.{EXTENSIONS.get(kind, kind)}"
    return makers[kind](), name


def _upload(data: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def _concepts(scheme: str, notations: list[str]):
    return list(Concept.objects.active().in_scheme(scheme).filter(notation__in=notations))


@transaction.atomic
def demo_materials_ensure(*, authors: list, publisher) -> int:
    """Create the demo materials that do not exist yet; return how many exist in all."""
    for index, (title, summary, levels, subjects, licence, kind, state) in enumerate(
        DEMO_MATERIALS
    ):
        owner = authors[index % len(authors)]
        if Material.objects.filter(title=title, owner=owner).exists():
            continue
        data, name = _file_for(kind, title, summary)
        material = material_create_draft(
            owner=owner, title=title, uploads=[(_upload(data, name), name)]
        )
        material_save_draft(
            material=material,
            user=owner,
            data={
                "summary": summary,
                "description": f"{summary} Gemaakt voor de NLKA-demo.",
                "levels": _concepts("levels", levels),
                "subjects": _concepts("subjects", subjects),
                "licence": licence,
                "language": "nl",
                "keywords": [c.label_nl.lower() for c in _concepts("subjects", subjects)],
            },
        )
        if state == DRAFT:
            continue
        if state == IN_REVIEW:
            material_submit_for_review(material=material, user=owner)
            continue
        material_publish(material=material, user=publisher)
        if state == TWO_VERSIONS:
            data, name = _file_for(kind, title, summary, version=2)
            material_add_file(
                material=material, user=owner, upload=_upload(data, name), original_name=name
            )
            material_save_draft(
                material=material,
                user=owner,
                data={"change_note": "Nieuwe versie met extra oefeningen en verbeterde opmaak."},
            )
            material_publish(material=material, user=publisher)
        elif state == WITHDRAWN:
            material_withdraw(
                material=material, user=owner, reason="Vervangen door nieuwer materiaal."
            )
    return Material.objects.count()
