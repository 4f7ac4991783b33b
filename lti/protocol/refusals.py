"""Why an LTI request is refused: a reason for the log, a category for the teacher.

The category decides the 4xx status and the Dutch explanation on the refusal page.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lti.models import Registration


@dataclass(frozen=True)
class RefusalCategory:
    status: int
    title: Promise
    message: Promise


MALFORMED = RefusalCategory(
    400,
    _("Onvolledig verzoek van de leeromgeving"),
    _(
        "Je leeromgeving stuurde een onvolledig of onjuist LTI-verzoek. Vraag de beheerder "
        "van je leeromgeving om de koppeling met NLKA te controleren."
    ),
)
UNSUPPORTED = RefusalCategory(
    400,
    _("Dit verzoek kan NLKA niet verwerken"),
    _(
        "Je leeromgeving vroeg iets wat NLKA niet aanbiedt. NLKA kan leermiddelen laten "
        "kiezen en tonen; vraag de beheerder van je leeromgeving om de koppeling te controleren."
    ),
)
SIGNATURE = RefusalCategory(
    401,
    _("Niet te controleren wie dit verzoek stuurde"),
    _(
        "We konden niet vaststellen dat dit verzoek echt van je leeromgeving komt. Vraag de "
        "beheerder van je leeromgeving om de sleutels van de koppeling te controleren."
    ),
)
EXPIRED = RefusalCategory(
    401,
    _("Het verzoek is verlopen"),
    _(
        "Het verzoek van je leeromgeving is verlopen of draagt een onjuiste tijd. Open het "
        "leermiddel opnieuw vanuit je leeromgeving. Blijft dit gebeuren, vraag dan de beheerder "
        "de klok van de leeromgeving te controleren."
    ),
)
SESSION = RefusalCategory(
    403,
    _("De beveiligingscontrole is mislukt"),
    _(
        "Dit verzoek hoort niet bij een start vanuit dit browservenster, of is al eens "
        "gebruikt. Dat gebeurt als een pagina opnieuw wordt verstuurd of als je browser "
        "cookies blokkeert. Open het leermiddel opnieuw vanuit je leeromgeving."
    ),
)
UNKNOWN_PLATFORM = RefusalCategory(
    403,
    _("Deze leeromgeving is niet gekoppeld"),
    _(
        "Deze leeromgeving is niet (meer) gekoppeld met NLKA. Vraag de beheerder van je "
        "leeromgeving om de koppeling te maken of te controleren."
    ),
)
AUDIENCE = RefusalCategory(
    403,
    _("Dit verzoek was niet voor NLKA bedoeld"),
    _(
        "Je leeromgeving stuurde een verzoek dat voor een andere tool bestemd is. Vraag de "
        "beheerder van je leeromgeving om de koppeling met NLKA te controleren."
    ),
)
DEPLOYMENT = RefusalCategory(
    403,
    _("Deze plek in de leeromgeving is niet gekoppeld"),
    _(
        "NLKA is in je leeromgeving niet op deze plek geïnstalleerd, of de installatie is "
        "niet bij NLKA bekend. Vraag de beheerder van je leeromgeving om de koppeling te "
        "controleren."
    ),
)
TARGET = RefusalCategory(
    403,
    _("Het verzoek wees naar een ander adres"),
    _(
        "Het verzoek van je leeromgeving wees niet naar het adres van NLKA. Vraag de beheerder "
        "van je leeromgeving om de adressen in de koppeling te controleren."
    ),
)
LAUNCH_EXPIRED = RefusalCategory(
    403,
    _("Deze pagina is verlopen"),
    _(
        "Deze pagina hoort bij een start die verlopen of al afgerond is. Open het leermiddel "
        "of de keuze opnieuw vanuit je leeromgeving."
    ),
)


class LaunchRefused(Exception):
    """An LTI request we will not honour: `reason` goes to the log, the category to the user."""

    def __init__(
        self,
        reason: str,
        category: RefusalCategory,
        detail: str = "",
        *,
        registration: Registration | None = None,
    ):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.category = category
        self.detail = detail
        self.registration = registration


def require(condition: bool, reason: str, category: RefusalCategory, detail: str = "") -> None:
    if not condition:
        raise LaunchRefused(reason, category, detail)


def nonempty_string(value) -> bool:
    return isinstance(value, str) and bool(value)
