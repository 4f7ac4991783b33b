"""The words of the demo site: Dutch pages, with English versions of the core pages.

Organisations and people are invented; any likeness to a real school is accidental.
"""

from datetime import date

HOME = {
    "nl": {
        "title": "Samen werken aan betere leermiddelen",
        "introduction": (
            "<p>De Nederlandse Leermiddelen Kwaliteitsalliantie brengt scholen, leraren, "
            "uitgevers, onderzoekers en het ministerie samen. Hier vind je nieuws, "
            "praktijkvoorbeelden, het gezamenlijke kwaliteitskader en open leermiddelen "
            "die leraren met elkaar delen.</p>"
        ),
        "search_description": (
            "Nieuws, praktijkvoorbeelden, het kwaliteitskader en open leermiddelen van de "
            "Nederlandse Leermiddelen Kwaliteitsalliantie."
        ),
    },
    "en": {
        "title": "Working together on better learning materials",
        "introduction": (
            "<p>The Dutch Learning Materials Quality Alliance brings schools, teachers, "
            "publishers, researchers and the ministry together. Here you find news, best "
            "practices, the shared quality framework and open learning materials that "
            "teachers share with each other.</p>"
        ),
        "search_description": (
            "News, best practices, the quality framework and open learning materials of the "
            "Dutch Learning Materials Quality Alliance."
        ),
        "body": [
            (
                "paragraph",
                "<p>News and best practices are written in Dutch. The quality framework is "
                "available in English.</p>",
            ),
        ],
    },
}

STANDARD_PAGES = {
    "nl": {
        "over": {
            "title": "Over de alliantie",
            "introduction": (
                "De alliantie geeft richting aan de kwaliteit, toegankelijkheid, betaalbaarheid "
                "en inclusiviteit van leermiddelen in po, vo, (v)so en praktijkonderwijs. "
                "Zij geeft geen keurmerk."
            ),
            "body": [
                ("heading", {"text": "Drie gelijkwaardige onderdelen", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Een stuurgroep, werkgroepen per sector of thema, en een klankbordgroep "
                    "van leraren, leerlingen, ouders en distributeurs.</p>",
                ),
            ],
        },
        "toegankelijkheid": {
            "title": "Toegankelijkheid",
            "introduction": (
                "Iedereen moet deze website kunnen gebruiken, ook met een beperking. "
                "We bouwen hem volgens de WCAG 2.2 op niveau AA (EN 301 549)."
            ),
            "body": [
                ("heading", {"text": "Wat we doen", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>Alle pagina's zijn met alleen een toetsenbord te bedienen, met "
                    "een zichtbare focus.</li><li>De pagina's gebruiken koppen, landmarks en "
                    "een link om direct naar de inhoud te gaan.</li><li>De website werkt op "
                    "schermen vanaf 320 pixels breed en bij 200% vergroting.</li></ul>",
                ),
                ("heading", {"text": "Hoe we dit testen", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Bij elke wijziging van de website draait een geautomatiseerde test in "
                    "de browser Chromium. Die test controleert:</p><ul><li>elke pagina uit de "
                    "sitemap, de Engelse versie van de belangrijkste pagina's, de pagina's "
                    "voor leraren om een leermiddel toe te voegen, je eigen leermiddelen te "
                    "zien, een leermiddel te bewerken en een arrangement te bewerken, het "
                    "beoordelingsformulier, en het kiezen en bekijken van leermiddelen in je "
                    "leeromgeving, met axe-core op alle regels voor WCAG 2.0, 2.1 en 2.2 op "
                    "niveau A en AA;</li><li>dat de startpagina, de zoekpagina, een leermiddel "
                    "en een arrangement niet opzij scrollen op een scherm van 320 pixels breed "
                    "en bij 200% vergroting;</li><li>dat je met alleen het toetsenbord kunt "
                    "zoeken, filteren en een leermiddel openen, en ook bestanden uploaden, "
                    "een leermiddel beschrijven en indienen, en dat je steeds ziet waar de "
                    "focus is;</li><li>dat je een leermiddel kunt vinden, bekijken en "
                    "downloaden, een kopie kunt bewerken, bestanden kunt uploaden door ze te "
                    "slepen, een leermiddel kunt beoordelen, nieuws kunt publiceren en "
                    "leermiddelen kunt kiezen in je leeromgeving, en kunt wisselen tussen "
                    "Nederlands en Engels.</li></ul>",
                ),
                ("heading", {"text": "Wat nog niet goed is", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>De beheeromgeving voor redacteuren (Wagtail) testen we niet zelf, "
                    "behalve het beoordelingsformulier en het publiceren van nieuws; daarvoor "
                    "volgen we Wagtail.</li><li>Of een pdf of ander bestand "
                    "toegankelijk is, hangt af van de maker van het leermiddel. We "
                    "controleren de inhoud van bestanden niet.</li><li>Een automatische test "
                    "vindt maar een deel van de problemen. Of teksten duidelijk zijn, of "
                    "alternatieve teksten kloppen en hoe de website werkt met een "
                    "schermlezer, moeten mensen beoordelen. Dat hebben we nog niet volledig "
                    "gedaan.</li></ul>",
                ),
                ("heading", {"text": "Iets werkt niet?", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Meld het ons via toegankelijkheid@nlka.example. We reageren binnen vijf "
                    "werkdagen.</p>",
                ),
            ],
        },
    },
    "en": {
        "over": {
            "title": "About the alliance",
            "introduction": (
                "The alliance gives direction to the quality, accessibility, affordability and "
                "inclusiveness of learning materials in Dutch primary, secondary, special and "
                "practical education. It awards no seal of approval."
            ),
            "body": [
                ("heading", {"text": "Three equal parts", "level": "h2"}),
                (
                    "paragraph",
                    "<p>A steering group, working groups per sector or theme, and a "
                    "sounding-board group of teachers, students, parents and distributors.</p>",
                ),
            ],
        },
        "toegankelijkheid": {
            "title": "Accessibility",
            "introduction": (
                "Everyone should be able to use this website, including people with a "
                "disability. We build it to WCAG 2.2 level AA (EN 301 549)."
            ),
            "body": [
                ("heading", {"text": "How we test this", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Every change to the website runs an automated test in the Chromium "
                    "browser. It checks:</p><ul><li>every page in the sitemap, the English "
                    "version of the main pages, the teachers' pages to add a material, see "
                    "their own materials, edit a material and edit a collection, the review "
                    "form, and picking and viewing materials in your learning environment, "
                    "with axe-core against all WCAG 2.0, 2.1 and 2.2 level A and AA "
                    "rules;</li><li>that the home page, the search page, a material and a "
                    "collection need no sideways scrolling on a screen 320 pixels wide and at "
                    "200% zoom;</li><li>that with only the keyboard you can search, filter "
                    "and open a material, and upload files, describe a material and submit "
                    "it, always seeing where the focus is;</li><li>that you can find, view "
                    "and download a material, adapt a copy, upload files by dragging them, "
                    "review a material, publish news, pick materials in your learning "
                    "environment and switch between Dutch and English.</li></ul>",
                ),
                ("heading", {"text": "What falls short", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>We do not test the editors' admin (Wagtail) ourselves, apart from "
                    "the review form and publishing news; we rely on Wagtail for it.</li>"
                    "<li>Whether a PDF or other file is accessible "
                    "depends on the material's author. We do not check the contents of "
                    "files.</li><li>An automated test finds only part of the problems. "
                    "Whether texts are clear, whether alternative texts are right and how the "
                    "site works with a screen reader need people to judge. We have not yet "
                    "done that fully.</li></ul>",
                ),
                ("heading", {"text": "Something does not work?", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Tell us at toegankelijkheid@nlka.example. We answer within five working "
                    "days.</p>",
                ),
            ],
        },
    },
}

STANDARD_PAGES_IN_MENU = {"over"}

NEWS_INDEX = {
    "slug": "nieuws",
    "title": "Nieuws",
    "introduction": (
        "Wat de alliantie doet, besluit en onderzoekt. Filter op sector of thema, of volg het "
        "nieuws via RSS of Atom."
    ),
}

# Image keys refer to DEMO_IMAGES.
NEWS = [
    {
        "slug": "eerste-versie-kwaliteitskader",
        "title": "Eerste versie van het kwaliteitskader gepubliceerd",
        "date": date(2026, 10, 1),
        "summary": (
            "Zestien criteria in zes thema's: het kwaliteitskader geeft scholen en makers een "
            "gedeelde taal over goede leermiddelen."
        ),
        "image": "kwaliteitskader",
        "sectors": ["po", "vo", "so-vso", "pro"],
        "themes": ["kwaliteit"],
        "body": [
            (
                "paragraph",
                "<p>Na een jaar van gesprekken met leraren, uitgevers en onderzoekers ligt er "
                "een eerste versie van het kwaliteitskader. Het kader beschrijft waar een goed "
                "leermiddel aan voldoet: van inhoud en didactiek tot toegankelijkheid en "
                "privacy.</p>",
            ),
            ("heading", {"text": "Geen keurmerk, wel een gedeelde taal", "level": "h2"}),
            (
                "paragraph",
                "<p>Het kader is nadrukkelijk geen keurmerk. Scholen gebruiken het bij de keuze "
                "van een methode, makers bij het ontwikkelen, en beoordelaars op dit platform "
                "bij het beoordelen van open leermiddelen.</p>",
            ),
            (
                "quote",
                {
                    "text": "Eindelijk hebben we het in de sectie over dezelfde dingen als we "
                    "het over kwaliteit hebben.",
                    "attribution": "Docent aardrijkskunde, lid van de werkgroep vo",
                },
            ),
            (
                "table",
                {
                    "caption": "Criteria per thema in versie 1.0",
                    "columns": [
                        {"type": "text", "heading": "Thema"},
                        {"type": "number", "heading": "Aantal criteria"},
                    ],
                    "rows": [
                        {"values": ["Inhoud", 3]},
                        {"values": ["Didactiek", 3]},
                        {"values": ["Inclusie en differentiatie", 3]},
                        {"values": ["Toegankelijkheid", 3]},
                        {"values": ["Digitaal ontwerp", 2]},
                        {"values": ["Bruikbaarheid", 2]},
                    ],
                },
            ),
        ],
    },
    {
        "slug": "werkgroep-toegankelijkheid-zoekt-leraren-vso",
        "title": "Werkgroep toegankelijkheid zoekt leraren uit het (v)so",
        "date": date(2026, 10, 15),
        "summary": (
            "Werk je in het speciaal onderwijs en weet je wat een leermiddel bruikbaar maakt "
            "voor jouw leerlingen? De werkgroep toegankelijkheid zoekt twee nieuwe leden."
        ),
        "image": "groep",
        "sectors": ["so-vso"],
        "themes": ["toegankelijkheid", "professionalisering"],
        "body": [
            (
                "paragraph",
                "<p>De werkgroep toegankelijkheid toetst de criteria van het kwaliteitskader "
                "aan de praktijk. Juist leraren uit het (voortgezet) speciaal onderwijs zien "
                "waar een leermiddel vastloopt: te kleine knoppen, geen voorleesfunctie, "
                "filmpjes zonder ondertitels.</p>",
            ),
            (
                "paragraph",
                "<p>De werkgroep komt zes keer per jaar online bij elkaar, steeds op "
                "woensdagmiddag. Je school krijgt een vergoeding voor je uren.</p>",
            ),
        ],
    },
    {
        "slug": "bewerking-delen-met-naamsvermelding",
        "title": "Open leermiddelen: zo deel je een bewerking met naamsvermelding",
        "date": date(2026, 10, 29),
        "summary": (
            "Een werkblad van een collega aanpassen en opnieuw delen mag vaak, als je de "
            "naamsvermelding goed doet. Het platform helpt je daarbij."
        ),
        "image": "boeken",
        "sectors": ["po", "vo"],
        "themes": ["open-leermiddelen"],
        "body": [
            (
                "paragraph",
                "<p>Met \u201cBewerk een kopie\u201d maak je op het platform een eigen versie "
                "van een open leermiddel. Titel, maker, bron en licentie van het origineel "
                "gaan automatisch mee.</p>",
            ),
            ("heading", {"text": "Welke licentie mag wat?", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>CC BY: bewerken en delen mag, met naamsvermelding.</li>"
                "<li>CC BY-SA: je bewerking krijgt dezelfde licentie.</li>"
                "<li>CC BY-ND: bewerken mag niet.</li></ul>",
            ),
        ],
    },
    {
        "slug": "praktijkonderwijs-werkinstructies-toegankelijk",
        "title": "Praktijkonderwijs maakt eigen werkinstructies toegankelijk",
        "date": date(2026, 11, 5),
        "summary": (
            "Drie praktijkscholen delen hun werkinstructies met pictogrammen en foto's als "
            "open leermiddel, zodat andere scholen ze kunnen aanpassen."
        ),
        "image": "werkplaats",
        "sectors": ["pro"],
        "themes": ["toegankelijkheid", "inclusie"],
        "body": [
            (
                "paragraph",
                "<p>Leerlingen in het praktijkonderwijs leren veel op de werkvloer. Heldere "
                "instructies met beeld helpen hen zelfstandig te werken in de keuken, de "
                "groenvoorziening of de techniekwerkplaats.</p>",
            ),
            (
                "paragraph",
                "<p>De instructies staan vanaf deze maand als open leermiddel op het platform, "
                "onder een CC BY-SA-licentie.</p>",
            ),
        ],
    },
    {
        "slug": "nulmeting-betaalbaarheid",
        "title": "Betaalbaarheid van leermiddelen: eerste resultaten van de nulmeting",
        "date": date(2026, 11, 12),
        "summary": (
            "Scholen in het vo geven gemiddeld een vijfde van hun leermiddelenbudget uit aan "
            "licenties die ze maar deels gebruiken. Dat blijkt uit de nulmeting."
        ),
        "image": "grafiek",
        "sectors": ["vo"],
        "themes": ["betaalbaarheid", "leermiddelenbeleid"],
        "body": [
            (
                "paragraph",
                "<p>Voor de nulmeting vulden 212 scholen een vragenlijst in over hun uitgaven "
                "aan leermiddelen en het gebruik ervan. Volgend jaar herhalen we de meting om "
                "te zien wat er verandert.</p>",
            ),
            (
                "table",
                {
                    "caption": "Deelnemende scholen per sector",
                    "columns": [
                        {"type": "text", "heading": "Sector"},
                        {"type": "number", "heading": "Scholen"},
                    ],
                    "rows": [
                        {"values": ["Voortgezet onderwijs", 148]},
                        {"values": ["Praktijkonderwijs", 31]},
                        {"values": ["Voortgezet speciaal onderwijs", 33]},
                    ],
                },
            ),
        ],
    },
    {
        "slug": "handreiking-privacy-digitale-leermiddelen",
        "title": "Privacy bij digitale leermiddelen: nieuwe handreiking voor schoolleiders",
        "date": date(2026, 11, 19),
        "summary": (
            "Welke gegevens van leerlingen mag een digitaal leermiddel verwerken? De "
            "handreiking zet de vragen op een rij die je een leverancier stelt."
        ),
        "image": "tablet",
        "sectors": ["po", "vo"],
        "themes": ["privacy-en-veiligheid", "digitale-leermiddelen"],
        "body": [
            (
                "paragraph",
                "<p>De handreiking sluit aan bij criterium K13 van het kwaliteitskader. Ze "
                "helpt schoolleiders om bij de aanschaf door te vragen over verwerkte "
                "gegevens, bewaartermijnen en tracking.</p>",
            ),
        ],
    },
    {
        "slug": "klankbordgroep-leerlingen-en-ouders",
        "title": "Klankbordgroep: leerlingen en ouders praten mee over leermiddelen",
        "date": date(2026, 11, 26),
        "summary": (
            "In de klankbordgroep zitten voortaan ook vier leerlingen en drie ouders. Zij "
            "lezen mee met elke nieuwe versie van het kwaliteitskader."
        ),
        "image": "gesprek",
        "sectors": ["po", "vo", "so-vso", "pro"],
        "themes": ["inclusie", "kwaliteit"],
        "body": [
            (
                "paragraph",
                "<p>Wie kan beter vertellen of een leermiddel werkt dan degene die ermee "
                "leert? De klankbordgroep is uitgebreid met leerlingen uit het vo en "
                "praktijkonderwijs en ouders van kinderen in het po en so.</p>",
            ),
        ],
    },
]

BEST_PRACTICE_INDEX = {
    "slug": "praktijkvoorbeelden",
    "title": "Praktijkvoorbeelden",
    "introduction": (
        "Hoe scholen werken aan betere leermiddelen: het vraagstuk, de aanpak en wat het "
        "opleverde. Filter op sector of thema."
    ),
}

# Materials refer to demo materials by title; see demo_material_links_ensure.
BEST_PRACTICES = [
    {
        "slug": "rekenlessen-samenstellen-met-open-materiaal",
        "title": "Rekenlessen samenstellen met open materiaal",
        "organisation": "Openbare basisschool De Regenboog",
        "place": "Zwolle",
        "sector": "po",
        "theme": "open-leermiddelen",
        "featured": True,
        "image": "boeken",
        "summary": (
            "Het team van groep 5 tot en met 8 vult de rekenmethode aan met open "
            "oefenmateriaal, en deelt de eigen bewerkingen weer terug."
        ),
        "problem": (
            "<p>De rekenmethode bood te weinig oefening voor leerlingen die extra herhaling "
            "nodig hebben. Losse werkbladen van internet waren wisselend van kwaliteit en "
            "vaak niet vrij te gebruiken.</p>"
        ),
        "approach": (
            "<p>Twee leerkrachten zochten per blok open materiaal met een CC-licentie, "
            "pasten het aan op de methode en legden het voor aan de rekencoördinator. Elke "
            "bewerking delen ze op het platform, met naamsvermelding van het origineel.</p>"
        ),
        "results": (
            "<p>Na een jaar ligt er voor elk blok een set extra oefeningen. Leerkrachten "
            "besteden minder tijd aan zoeken. De school houdt bij hoeveel leerlingen de "
            "extra oefening gebruiken en hoe hun toetsresultaten zich ontwikkelen.</p>"
        ),
        "contact_name": "Anouk de Vries",
        "contact_role": "Rekencoördinator",
        "contact_email": "rekenen@regenboog.example",
        "materials": ["Breuken vergelijken", "Tafels oefenen met ritme"],
    },
    {
        "slug": "differentieren-bij-begrijpend-lezen",
        "title": "Differentiëren bij begrijpend lezen: drie niveaus in één les",
        "organisation": "Kindcentrum Het Palet",
        "place": "Tilburg",
        "sector": "po",
        "theme": "inclusie",
        "featured": False,
        "image": "gesprek",
        "summary": (
            "Eén tekst, drie sets vragen: zo werkt de hele groep aan hetzelfde onderwerp, "
            "elk op een eigen niveau."
        ),
        "problem": (
            "<p>In groep 7 liep het leesniveau meer dan twee jaar uiteen. Leerlingen die "
            "moeite hebben met lezen, haakten af bij de teksten uit de methode.</p>"
        ),
        "approach": (
            "<p>Het team koos informatieve teksten over onderwerpen uit wereldoriëntatie en "
            "schreef bij elke tekst vragen op drie niveaus. Leerlingen kiezen samen met de "
            "leerkracht hun niveau.</p>"
        ),
        "results": (
            "<p>Leerlingen blijven langer bij de les. De leerkrachten zien in de "
            "leesobservaties dat zwakke lezers vaker een strategie toepassen.</p>"
        ),
        "contact_name": "Youssef El Amrani",
        "contact_role": "Leerkracht groep 7",
        "contact_email": "lezen@hetpalet.example",
        "materials": ["Begrijpend lezen: de bijenkorf"],
    },
    {
        "slug": "een-leermiddelenbeleid-voor-de-hele-school",
        "title": "Eén leermiddelenbeleid voor de hele school",
        "organisation": "Het Baken College",
        "place": "Almere",
        "sector": "vo",
        "theme": "leermiddelenbeleid",
        "featured": True,
        "image": "grafiek",
        "summary": (
            "Secties kozen ieder hun eigen methode. Met een gezamenlijk beleid en het "
            "kwaliteitskader kiest de school nu bewuster en goedkoper."
        ),
        "problem": (
            "<p>Elke sectie kocht zelf licenties, zonder overzicht van kosten of gebruik. "
            "Sommige digitale licenties werden nauwelijks gebruikt.</p>"
        ),
        "approach": (
            "<p>Een werkgroep van docenten en de teamleider maakte een leermiddelenplan. "
            "Secties beoordelen nieuwe methodes met de criteria van het kwaliteitskader en "
            "rapporteren jaarlijks over gebruik en kosten.</p>"
        ),
        "results": (
            "<p>De school bespaarde in het eerste jaar twaalf procent op licenties. Drie "
            "secties gebruiken naast de methode nu open materiaal.</p>"
        ),
        "contact_name": "Marieke Jansen",
        "contact_role": "Teamleider bovenbouw",
        "contact_email": "leermiddelen@hetbaken.example",
        "materials": ["Lineaire verbanden", "Economie: vraag en aanbod"],
    },
    {
        "slug": "leerlingpanel-beoordeelt-nieuwe-methodes",
        "title": "Een leerlingpanel beoordeelt nieuwe methodes",
        "organisation": "Stedelijk Lyceum Oost",
        "place": "Groningen",
        "sector": "vo",
        "theme": "kwaliteit",
        "featured": False,
        "image": "gesprek",
        "summary": (
            "Voordat een sectie een methode kiest, werken leerlingen er twee weken mee en "
            "geven ze hun oordeel."
        ),
        "problem": (
            "<p>Methodes werden gekozen op basis van proeflessen van docenten. Of leerlingen "
            "er goed mee konden leren, bleef buiten beeld.</p>"
        ),
        "approach": (
            "<p>Een panel van twaalf leerlingen uit verschillende leerjaren test de "
            "kandidaat-methodes. Ze beantwoorden de richtvragen uit het kwaliteitskader die "
            "over begrijpelijkheid en bruikbaarheid gaan.</p>"
        ),
        "results": (
            "<p>Twee keer koos een sectie anders dan ze vooraf van plan was. Leerlingen "
            "voelen zich gehoord en de sectie kan haar keuze beter uitleggen.</p>"
        ),
        "contact_name": "Pieter Bakker",
        "contact_role": "Docent geschiedenis",
        "contact_email": "leerlingpanel@lyceumoost.example",
        "materials": ["De Koude Oorlog in bronnen"],
    },
    {
        "slug": "pictogrammen-en-voorleesfunctie-in-elke-les",
        "title": "Pictogrammen en voorleesfunctie in elke les",
        "organisation": "De Zonnewijzer, school voor speciaal onderwijs",
        "place": "Nijmegen",
        "sector": "so-vso",
        "theme": "toegankelijkheid",
        "featured": True,
        "image": "tablet",
        "summary": (
            "Alle lesmaterialen krijgen pictogrammen en een voorleesfunctie. Leerlingen "
            "werken daardoor zelfstandiger."
        ),
        "problem": (
            "<p>Veel leerlingen lezen nog niet of nauwelijks. Bestaande methodes leunen op "
            "tekst, waardoor leerlingen steeds op hulp van de leraar wachtten.</p>"
        ),
        "approach": (
            "<p>Het team zette een vaste set pictogrammen op voor opdrachten en "
            "dagstructuur. Digitale materialen kiest de school alleen als ze met "
            "voorleessoftware werken en zonder muis te bedienen zijn.</p>"
        ),
        "results": (
            "<p>Leerlingen beginnen vaker zelf aan hun werk. De school deelt de "
            "pictogrammenset als open leermiddel.</p>"
        ),
        "contact_name": "Sanne Visser",
        "contact_role": "Intern begeleider",
        "contact_email": "ib@dezonnewijzer.example",
        "materials": ["Dagritme met pictogrammen", "Sociale vaardigheden: om hulp vragen"],
    },
    {
        "slug": "werkinstructies-met-fotos-voor-de-stage",
        "title": "Werkinstructies met foto's voor de stage",
        "organisation": "Praktijkschool De Dijk",
        "place": "Hoorn",
        "sector": "pro",
        "theme": "inclusie",
        "featured": False,
        "image": "werkplaats",
        "summary": (
            "Leerlingen maken samen met hun stagebegeleider werkinstructies met foto's van "
            "hun eigen werkplek."
        ),
        "problem": (
            "<p>Algemene werkinstructies sloten slecht aan op de stageplekken. Leerlingen "
            "wisten niet hoe ze de stappen op hun eigen werkplek moesten toepassen.</p>"
        ),
        "approach": (
            "<p>In de eerste stageweek fotograferen leerlingen de stappen van hun taken. "
            "Met een sjabloon maken ze daar samen met de begeleider een eigen instructie "
            "van.</p>"
        ),
        "results": (
            "<p>Stagebedrijven melden dat leerlingen sneller zelfstandig werken. Het "
            "sjabloon staat als open leermiddel op het platform.</p>"
        ),
        "contact_name": "Mohamed Yilmaz",
        "contact_role": "Stagecoördinator",
        "contact_email": "stage@dedijk.example",
        "materials": ["Werken in de keuken: hygiëne", "Solliciteren: het eerste gesprek"],
    },
]

FRAMEWORK_INDEX = {
    "nl": {
        "slug": "kwaliteitskader",
        "title": "Kwaliteitskader",
        "introduction": (
            "<p>Het kwaliteitskader beschrijft waar een goed leermiddel aan voldoet. Het is "
            "geen keurmerk: scholen gebruiken het bij hun keuze, makers bij het ontwikkelen "
            "en beoordelaars bij het beoordelen van open leermiddelen.</p>"
            "<p>Elke versie blijft beschikbaar. Een beoordeling vermeldt altijd tegen welke "
            "versie ze is gedaan.</p>"
        ),
    },
    "en": {
        "title": "Quality framework",
        "introduction": (
            "<p>The quality framework describes what makes a good learning material. It is "
            "not a seal of approval: schools use it to choose, makers to develop and "
            "reviewers to assess open learning materials.</p>"
            "<p>Every version stays available. A review always names the version it was "
            "made against.</p>"
        ),
    },
}

FRAMEWORK_VERSION = {
    "nl": {
        "slug": "versie-1-0",
        "title": "Kwaliteitskader versie 1.0",
        "version_label": "1.0",
        "introduction": (
            "<p>Versie 1.0 telt zestien criteria in zes thema's. Elk criterium heeft een "
            "toelichting, indicatoren waaraan je het herkent en richtvragen voor een "
            "gesprek in de sectie of het team.</p>"
        ),
    },
    "en": {
        "title": "Quality framework version 1.0",
        "version_label": "1.0",
        "introduction": (
            "<p>Version 1.0 has sixteen criteria in six themes. Each criterion has an "
            "explanation, indicators that show it is met and guiding questions for a "
            "conversation in a department or team.</p>"
        ),
    },
}

ALL_SECTORS = ["po", "vo", "so-vso", "pro"]


def _items(*texts: str) -> str:
    return "<ul>" + "".join(f"<li>{text}</li>" for text in texts) + "</ul>"


# code, sectors, then per language: theme, title, explanation, indicators, guiding questions.
CRITERIA = [
    (
        "K1",
        ALL_SECTORS,
        {
            "nl": (
                "Inhoud",
                "De inhoud klopt en is actueel",
                "<p>Feiten, begrippen en voorbeelden zijn juist, volgen de stand van de "
                "wetenschap en het vakgebied, en zijn niet verouderd.</p>",
                _items(
                    "Bronnen staan vermeld en zijn controleerbaar.",
                    "Er is een datum van de laatste inhoudelijke controle.",
                    "Vakexperts hebben de inhoud nagekeken.",
                ),
                _items(
                    "Welke fouten of verouderde voorbeelden kom je tegen?",
                    "Hoe houdt de maker de inhoud actueel?",
                ),
            ),
            "en": (
                "Content",
                "The content is correct and up to date",
                "<p>Facts, concepts and examples are correct, follow current knowledge in "
                "the discipline and are not outdated.</p>",
                _items(
                    "Sources are given and can be checked.",
                    "The date of the last content check is stated.",
                    "Subject experts have checked the content.",
                ),
                _items(
                    "Which errors or outdated examples do you find?",
                    "How does the maker keep the content current?",
                ),
            ),
        },
    ),
    (
        "K2",
        ["po", "vo", "so-vso"],
        {
            "nl": (
                "Inhoud",
                "Het leermiddel sluit aan bij kerndoelen en eindtermen",
                "<p>Het leermiddel maakt duidelijk aan welke kerndoelen of eindtermen het "
                "bijdraagt, en dekt die ook echt.</p>",
                _items(
                    "De kerndoelen of eindtermen staan bij de lessen vermeld.",
                    "De leerstof past bij het niveau waarvoor het leermiddel bedoeld is.",
                    "Een dekkingsoverzicht laat zien wat wel en niet aan bod komt.",
                ),
                _items(
                    "Welke doelen van jouw leerplan dekt dit leermiddel?",
                    "Wat moet je zelf aanvullen?",
                ),
            ),
            "en": (
                "Content",
                "The material fits the national curriculum goals",
                "<p>The material makes clear which curriculum goals or exam requirements it "
                "serves, and actually covers them.</p>",
                _items(
                    "Curriculum goals are listed with the lessons.",
                    "The subject matter fits the intended level.",
                    "A coverage overview shows what is and is not included.",
                ),
                _items(
                    "Which goals of your curriculum does this material cover?",
                    "What do you need to add yourself?",
                ),
            ),
        },
    ),
    (
        "K3",
        ALL_SECTORS,
        {
            "nl": (
                "Inhoud",
                "De opbouw is logisch en samenhangend",
                "<p>Onderwerpen bouwen op elkaar voort en voorkennis wordt benoemd. De "
                "samenhang met andere leerjaren of vakken is zichtbaar.</p>",
                _items(
                    "Elk hoofdstuk noemt de voorkennis die het vraagt.",
                    "Herhaling is gepland, niet toevallig.",
                    "Verwijzingen naar andere vakken zijn expliciet.",
                ),
                _items(
                    "Past de volgorde bij hoe jouw leerlingen leren?",
                    "Waar ontbreekt een stap?",
                ),
            ),
            "en": (
                "Content",
                "The structure is logical and coherent",
                "<p>Topics build on each other and prior knowledge is named. Links with "
                "other years or subjects are visible.</p>",
                _items(
                    "Each chapter names the prior knowledge it needs.",
                    "Revision is planned, not accidental.",
                    "Links to other subjects are explicit.",
                ),
                _items(
                    "Does the order fit how your students learn?",
                    "Where is a step missing?",
                ),
            ),
        },
    ),
    (
        "K4",
        ALL_SECTORS,
        {
            "nl": (
                "Didactiek",
                "Leerdoelen zijn helder voor leraar en leerling",
                "<p>Bij elke les of opdracht is duidelijk wat de leerling gaat leren en "
                "waaraan hij merkt dat het gelukt is.</p>",
                _items(
                    "Leerdoelen zijn in leerlingtaal geformuleerd.",
                    "Succescriteria staan bij de opdrachten.",
                    "De leraar vindt per les het doel terug in de handleiding.",
                ),
                _items(
                    "Kan een leerling in eigen woorden zeggen wat het doel is?",
                    "Hoe weet de leerling dat het doel bereikt is?",
                ),
            ),
            "en": (
                "Didactics",
                "Learning goals are clear to teacher and student",
                "<p>Each lesson or task makes clear what the student will learn and how "
                "they can tell they have succeeded.</p>",
                _items(
                    "Learning goals are written in language students understand.",
                    "Success criteria come with the tasks.",
                    "The teacher guide names the goal of each lesson.",
                ),
                _items(
                    "Can a student say in their own words what the goal is?",
                    "How does the student know the goal has been reached?",
                ),
            ),
        },
    ),
    (
        "K5",
        ALL_SECTORS,
        {
            "nl": (
                "Didactiek",
                "Leerlingen leren actief en oefenen gespreid",
                "<p>Het leermiddel laat leerlingen zelf denken, doen en oefenen, met "
                "herhaling verspreid over de tijd.</p>",
                _items(
                    "Opdrachten vragen meer dan reproduceren.",
                    "Oefenstof komt later terug in gemengde herhaling.",
                    "Er is ruimte voor samenwerken en uitleggen aan elkaar.",
                ),
                _items(
                    "Hoeveel van de lestijd zijn leerlingen zelf actief?",
                    "Komt eerder geleerde stof terug?",
                ),
            ),
            "en": (
                "Didactics",
                "Students learn actively and practise over time",
                "<p>The material lets students think, do and practise themselves, with "
                "practice spread over time.</p>",
                _items(
                    "Tasks ask for more than reproduction.",
                    "Practice returns later in mixed revision.",
                    "There is room to work together and explain to each other.",
                ),
                _items(
                    "How much of the lesson are students active themselves?",
                    "Does earlier content come back?",
                ),
            ),
        },
    ),
    (
        "K6",
        ALL_SECTORS,
        {
            "nl": (
                "Didactiek",
                "Feedback en toetsing ondersteunen het leren",
                "<p>Leerlingen krijgen tijdens het leren bruikbare feedback; toetsen meten "
                "wat in de leerdoelen staat.</p>",
                _items(
                    "Oefeningen geven uitleg bij een fout antwoord.",
                    "Er zijn formatieve momenten in elke les of elk hoofdstuk.",
                    "Toetsvragen zijn te herleiden tot leerdoelen.",
                ),
                _items(
                    "Wat doet een leerling met de feedback?",
                    "Toetst de toets wat er geleerd is?",
                ),
            ),
            "en": (
                "Didactics",
                "Feedback and assessment support learning",
                "<p>Students get useful feedback while learning; tests measure what the "
                "learning goals state.</p>",
                _items(
                    "Exercises explain a wrong answer.",
                    "Each lesson or chapter has formative moments.",
                    "Test items can be traced to learning goals.",
                ),
                _items(
                    "What does a student do with the feedback?",
                    "Does the test assess what was learned?",
                ),
            ),
        },
    ),
    (
        "K7",
        ALL_SECTORS,
        {
            "nl": (
                "Inclusie en differentiatie",
                "Er is ruimte voor verschillen in niveau en tempo",
                "<p>Het leermiddel biedt ondersteuning en verdieping, zodat leerlingen op "
                "hun eigen niveau aan dezelfde doelen werken.</p>",
                _items(
                    "Er is extra instructie en oefening voor wie dat nodig heeft.",
                    "Er is verrijking voor wie meer aankan.",
                    "De leraar krijgt handvatten om groepen in te delen.",
                ),
                _items(
                    "Kan elke leerling in jouw groep met dit leermiddel aan de slag?",
                    "Wat bied je de snelle en de langzame leerling?",
                ),
            ),
            "en": (
                "Inclusion and differentiation",
                "There is room for differences in level and pace",
                "<p>The material offers support and extension, so students work on the same "
                "goals at their own level.</p>",
                _items(
                    "Extra instruction and practice are available for those who need them.",
                    "There is extension for those who can do more.",
                    "The teacher gets guidance on grouping students.",
                ),
                _items(
                    "Can every student in your class work with this material?",
                    "What do you offer fast and slow learners?",
                ),
            ),
        },
    ),
    (
        "K8",
        ALL_SECTORS,
        {
            "nl": (
                "Inclusie en differentiatie",
                "Leerlingen herkennen zich in voorbeelden en beelden",
                "<p>Voorbeelden, namen en afbeeldingen laten de diversiteit van de "
                "samenleving zien, zonder stereotypen.</p>",
                _items(
                    "Personen verschillen in achtergrond, gender en beperking.",
                    "Rolpatronen worden niet bevestigd zonder reden.",
                    "Contexten sluiten aan bij de leefwereld van leerlingen.",
                ),
                _items(
                    "Wie zie je in dit leermiddel, en wie niet?",
                    "Welke beelden kunnen kwetsen of buitensluiten?",
                ),
            ),
            "en": (
                "Inclusion and differentiation",
                "Students recognise themselves in examples and images",
                "<p>Examples, names and images show the diversity of society, without "
                "stereotypes.</p>",
                _items(
                    "People differ in background, gender and disability.",
                    "Role patterns are not confirmed without reason.",
                    "Contexts connect to students' lives.",
                ),
                _items(
                    "Who do you see in this material, and who not?",
                    "Which images could hurt or exclude?",
                ),
            ),
        },
    ),
    (
        "K9",
        ALL_SECTORS,
        {
            "nl": (
                "Inclusie en differentiatie",
                "De taal past bij de leerling",
                "<p>Teksten zijn begrijpelijk voor de doelgroep. Vaktaal wordt uitgelegd en "
                "instructies zijn kort en eenduidig.</p>",
                _items(
                    "Het taalniveau van instructies past bij de doelgroep.",
                    "Nieuwe begrippen worden uitgelegd en herhaald.",
                    "Er is ondersteuning voor meertalige leerlingen.",
                ),
                _items(
                    "Begrijpt een zwakke lezer de opdracht zonder hulp?",
                    "Wordt vaktaal opgebouwd of verondersteld?",
                ),
            ),
            "en": (
                "Inclusion and differentiation",
                "The language fits the student",
                "<p>Texts are understandable for the target group. Subject terms are "
                "explained and instructions are short and clear.</p>",
                _items(
                    "The language level of instructions fits the target group.",
                    "New terms are explained and repeated.",
                    "There is support for multilingual students.",
                ),
                _items(
                    "Does a weak reader understand the task without help?",
                    "Is subject language built up or assumed?",
                ),
            ),
        },
    ),
    (
        "K10",
        ALL_SECTORS,
        {
            "nl": (
                "Toegankelijkheid",
                "Iedereen kan de inhoud waarnemen",
                "<p>Beeld heeft een tekstalternatief, video heeft ondertitels, en kleur is "
                "nooit de enige drager van informatie (WCAG 2.2, niveau AA).</p>",
                _items(
                    "Afbeeldingen hebben een beschrijvende alternatieve tekst.",
                    "Video's hebben ondertitels en zo nodig audiodescriptie.",
                    "Tekst heeft voldoende contrast met de achtergrond.",
                ),
                _items(
                    "Kan een leerling met een visuele beperking de opdracht maken?",
                    "Wat mist een dove of slechthorende leerling?",
                ),
            ),
            "en": (
                "Accessibility",
                "Everyone can perceive the content",
                "<p>Images have a text alternative, video has captions, and colour is never "
                "the only carrier of information (WCAG 2.2, level AA).</p>",
                _items(
                    "Images have a descriptive text alternative.",
                    "Videos have captions and audio description where needed.",
                    "Text has enough contrast with the background.",
                ),
                _items(
                    "Can a student with a visual impairment do the task?",
                    "What does a deaf or hard-of-hearing student miss?",
                ),
            ),
        },
    ),
    (
        "K11",
        ALL_SECTORS,
        {
            "nl": (
                "Toegankelijkheid",
                "Het leermiddel is te bedienen zonder muis",
                "<p>Alle onderdelen werken met een toetsenbord, schakelaar of "
                "voorleessoftware, zonder tijdsdruk die niet nodig is.</p>",
                _items(
                    "Alle knoppen en velden zijn met het toetsenbord bereikbaar.",
                    "De focus is steeds zichtbaar.",
                    "Tijdslimieten zijn uit te zetten of te verlengen.",
                ),
                _items(
                    "Heb je het leermiddel eens zonder muis gebruikt?",
                    "Werkt het met de hulpmiddelen van jouw leerlingen?",
                ),
            ),
            "en": (
                "Accessibility",
                "The material can be used without a mouse",
                "<p>Every part works with a keyboard, switch or screen reader, without "
                "unnecessary time pressure.</p>",
                _items(
                    "All buttons and fields can be reached with the keyboard.",
                    "Focus is always visible.",
                    "Time limits can be switched off or extended.",
                ),
                _items(
                    "Have you tried the material without a mouse?",
                    "Does it work with your students' assistive technology?",
                ),
            ),
        },
    ),
    (
        "K12",
        ALL_SECTORS,
        {
            "nl": (
                "Toegankelijkheid",
                "Het leermiddel is aan te passen aan de leerling",
                "<p>Lettergrootte, lettertype en tempo zijn in te stellen, en de inhoud is "
                "beschikbaar in een open, bewerkbaar formaat.</p>",
                _items(
                    "Tekst kan worden vergroot tot 200% zonder verlies van inhoud.",
                    "Er is een versie die voorleessoftware goed leest.",
                    "Bestanden zijn in een open formaat beschikbaar.",
                ),
                _items(
                    "Kun je het leermiddel aanpassen voor één leerling?",
                    "Welk formaat heb je nodig voor de hulpmiddelen in je klas?",
                ),
            ),
            "en": (
                "Accessibility",
                "The material can be adapted to the student",
                "<p>Font size, typeface and pace can be set, and the content is available "
                "in an open, editable format.</p>",
                _items(
                    "Text can be enlarged to 200% without loss of content.",
                    "A version works well with text-to-speech software.",
                    "Files are available in an open format.",
                ),
                _items(
                    "Can you adapt the material for one student?",
                    "Which format do the assistive tools in your class need?",
                ),
            ),
        },
    ),
    (
        "K13",
        ["po", "vo", "so-vso", "pro"],
        {
            "nl": (
                "Digitaal ontwerp",
                "Gegevens van leerlingen zijn beschermd",
                "<p>Het leermiddel verwerkt niet meer gegevens dan nodig, zonder tracking "
                "voor reclame, en volgt het Privacyconvenant Onderwijs.</p>",
                _items(
                    "Er is een verwerkersovereenkomst volgens het convenant.",
                    "Er worden geen gegevens gedeeld met derden voor reclame.",
                    "Bewaartermijnen zijn vastgelegd en kort.",
                ),
                _items(
                    "Welke gegevens van leerlingen verwerkt dit leermiddel, en waarom?",
                    "Kan een leerling het gebruiken zonder account?",
                ),
            ),
            "en": (
                "Digital design",
                "Student data is protected",
                "<p>The material processes no more data than needed, without advertising "
                "tracking, and follows the Dutch education privacy covenant.</p>",
                _items(
                    "There is a data processing agreement under the covenant.",
                    "No data is shared with third parties for advertising.",
                    "Retention periods are set and short.",
                ),
                _items(
                    "Which student data does this material process, and why?",
                    "Can a student use it without an account?",
                ),
            ),
        },
    ),
    (
        "K14",
        ["vo", "so-vso", "pro"],
        {
            "nl": (
                "Digitaal ontwerp",
                "Het leermiddel werkt in de leeromgeving van de school",
                "<p>Het leermiddel is met open standaarden te koppelen aan de leeromgeving "
                "en werkt op de apparaten die de school gebruikt.</p>",
                _items(
                    "Koppelen kan via LTI 1.3 of een andere open standaard.",
                    "Het werkt op laptop, tablet en telefoon.",
                    "Er is een versie voor gebruik zonder internet.",
                ),
                _items(
                    "Moeten leerlingen apart inloggen?",
                    "Werkt het op de apparaten van jouw leerlingen?",
                ),
            ),
            "en": (
                "Digital design",
                "The material works in the school's learning environment",
                "<p>The material connects to the learning environment through open "
                "standards and works on the devices the school uses.</p>",
                _items(
                    "It connects through LTI 1.3 or another open standard.",
                    "It works on laptop, tablet and phone.",
                    "There is a version for use without internet.",
                ),
                _items(
                    "Do students have to log in separately?",
                    "Does it work on your students' devices?",
                ),
            ),
        },
    ),
    (
        "K15",
        ALL_SECTORS,
        {
            "nl": (
                "Bruikbaarheid",
                "De leraar kan er snel mee aan de slag",
                "<p>Een heldere handleiding, een overzicht van benodigde tijd en materialen, "
                "en suggesties voor de les maken het leermiddel direct bruikbaar.</p>",
                _items(
                    "De handleiding beschrijft doel, duur en benodigdheden.",
                    "Antwoorden en uitwerkingen zijn beschikbaar voor de leraar.",
                    "De voorbereidingstijd is redelijk.",
                ),
                _items(
                    "Hoeveel tijd kost het om een les voor te bereiden?",
                    "Wat zou een invaller nodig hebben?",
                ),
            ),
            "en": (
                "Usability",
                "Teachers can get started quickly",
                "<p>A clear teacher guide, an overview of time and materials needed, and "
                "lesson suggestions make the material ready to use.</p>",
                _items(
                    "The guide describes goal, duration and what is needed.",
                    "Answers and worked solutions are available to the teacher.",
                    "Preparation time is reasonable.",
                ),
                _items(
                    "How long does it take to prepare a lesson?",
                    "What would a substitute teacher need?",
                ),
            ),
        },
    ),
    (
        "K16",
        ALL_SECTORS,
        {
            "nl": (
                "Bruikbaarheid",
                "Licentie en naamsvermelding zijn duidelijk",
                "<p>Het is duidelijk wat je met het leermiddel mag: gebruiken, aanpassen en "
                "delen. Bij open leermiddelen staat de licentie bij het materiaal.</p>",
                _items(
                    "De licentie staat zichtbaar bij het leermiddel.",
                    "Naamsvermelding van bronnen is volledig.",
                    "Bij bewerkingen is de herkomst terug te vinden.",
                ),
                _items(
                    "Mag je dit leermiddel aanpassen en opnieuw delen?",
                    "Weet je van wie de afbeeldingen en teksten zijn?",
                ),
            ),
            "en": (
                "Usability",
                "Licence and attribution are clear",
                "<p>It is clear what you may do with the material: use, adapt and share. "
                "Open materials show their licence with the material.</p>",
                _items(
                    "The licence is shown with the material.",
                    "Attribution of sources is complete.",
                    "Adaptations show where they come from.",
                ),
                _items(
                    "May you adapt and share this material again?",
                    "Do you know who owns the images and texts?",
                ),
            ),
        },
    ),
]

GOVERNANCE_INDEX = {
    "slug": "organisatie",
    "title": "Organisatie",
    "introduction": (
        "De alliantie bestaat uit drie gelijkwaardige onderdelen: de stuurgroep, de "
        "werkgroepen en de klankbordgroep. Samen geven zij richting aan betere leermiddelen."
    ),
    "body": [
        (
            "paragraph",
            "<p>De stuurgroep stelt de koers en de jaarplannen vast. Werkgroepen per sector of "
            "thema werken die uit. De klankbordgroep van leraren, leerlingen, ouders en "
            "distributeurs toetst wat de alliantie voorstelt aan de praktijk.</p>",
        ),
    ],
}

# Document keys refer to DEMO_DOCUMENTS.
GROUPS = [
    {
        "slug": "stuurgroep",
        "title": "Stuurgroep",
        "kind": "steering",
        "introduction": (
            "De stuurgroep stelt de koers van de alliantie vast en besluit over nieuwe "
            "versies van het kwaliteitskader."
        ),
        "mandate": (
            "<p>De stuurgroep besluit over het jaarplan, de begroting en de publicatie van "
            "nieuwe versies van het kwaliteitskader. Zij besluit bij consensus; lukt dat "
            "niet, dan beslist een meerderheid van twee derde.</p>"
        ),
        "how_to_join": (
            "<p>De leden worden voorgedragen door de organisaties die zij vertegenwoordigen, "
            "voor een termijn van drie jaar.</p>"
        ),
        "contact_email": "stuurgroep@nlka.example",
        "members": [
            ("Ingrid Mulder", "Voorzitter", "Onafhankelijk"),
            ("Ruben Smit", "Lid", "Namens de schoolbesturen in het po"),
            ("Fatima Ouali", "Lid", "Namens de schoolbesturen in het vo"),
            ("Jeroen de Graaf", "Lid", "Namens het speciaal onderwijs"),
            ("Linda Kuipers", "Lid", "Namens de educatieve uitgevers"),
            ("Hans Willems", "Lid", "Namens de onderzoeksinstellingen"),
            ("Esther Brouwer", "Waarnemer", "Ministerie van Onderwijs, Cultuur en Wetenschap"),
        ],
        "documents": ["mandaat-stuurgroep", "jaarplan-2027"],
    },
    {
        "slug": "werkgroep-po",
        "title": "Werkgroep primair onderwijs",
        "kind": "working",
        "sector": "po",
        "introduction": (
            "De werkgroep po vertaalt het kwaliteitskader naar de praktijk van de "
            "basisschool en het speciaal basisonderwijs."
        ),
        "mandate": (
            "<p>De werkgroep adviseert de stuurgroep over criteria en indicatoren voor het "
            "po, verzamelt praktijkvoorbeelden en begeleidt scholen die het kader "
            "uitproberen.</p>"
        ),
        "how_to_join": (
            "<p>Ben je leerkracht, intern begeleider of schoolleider in het po? Stuur een "
            "korte motivatie naar het e-mailadres van de werkgroep.</p>"
        ),
        "contact_email": "werkgroep-po@nlka.example",
        "members": [
            ("Sophie van Dijk", "Voorzitter", "Basisschool De Wilg, Deventer"),
            ("Thomas Hendriks", "Lid", "Kindcentrum Noorderlicht, Leeuwarden"),
            ("Ayşe Demir", "Lid", "Openbare basisschool De Regenboog, Zwolle"),
            ("Koen Vermeulen", "Lid", "Pabo Utrecht"),
        ],
        "documents": ["mandaat-werkgroepen"],
    },
    {
        "slug": "werkgroep-vo",
        "title": "Werkgroep voortgezet onderwijs",
        "kind": "working",
        "sector": "vo",
        "introduction": (
            "De werkgroep vo werkt aan leermiddelen voor vmbo, havo, vwo en praktijkonderwijs."
        ),
        "mandate": (
            "<p>De werkgroep adviseert over criteria voor het vo, met aandacht voor "
            "examenprogramma's en de overgang van po naar vo.</p>"
        ),
        "how_to_join": (
            "<p>Docenten, sectievoorzitters en teamleiders uit het vo en het "
            "praktijkonderwijs zijn welkom. Mail de werkgroep.</p>"
        ),
        "contact_email": "werkgroep-vo@nlka.example",
        "members": [
            ("Daan Peters", "Voorzitter", "Het Baken College, Almere"),
            ("Naima Bouzid", "Lid", "Stedelijk Lyceum Oost, Groningen"),
            ("Wouter Jacobs", "Lid", "Praktijkschool De Dijk, Hoorn"),
            ("Lisa van den Berg", "Lid", "Vakvereniging geschiedenis"),
        ],
        "documents": ["mandaat-werkgroepen"],
    },
    {
        "slug": "werkgroep-vso",
        "title": "Werkgroep (voortgezet) speciaal onderwijs",
        "kind": "working",
        "sector": "so-vso",
        "introduction": (
            "De werkgroep so/vso let erop dat leermiddelen werken voor leerlingen met een "
            "extra ondersteuningsbehoefte."
        ),
        "mandate": (
            "<p>De werkgroep adviseert over criteria voor het so en vso en beoordeelt of "
            "voorbeelden en indicatoren passen bij leerlingen met een beperking.</p>"
        ),
        "how_to_join": "<p>Leraren en begeleiders uit het so en vso kunnen zich aanmelden.</p>",
        "contact_email": "werkgroep-vso@nlka.example",
        "members": [
            ("Mirjam Bos", "Voorzitter", "De Zonnewijzer, Nijmegen"),
            ("Bart Kok", "Lid", "VSO De Brug, Rotterdam"),
            ("Hanna Schouten", "Lid", "Expertisecentrum passend onderwijs"),
        ],
        "documents": ["mandaat-werkgroepen"],
    },
    {
        "slug": "werkgroep-toegankelijkheid",
        "title": "Werkgroep toegankelijkheid",
        "kind": "working",
        "theme": "toegankelijkheid",
        "introduction": (
            "De werkgroep toegankelijkheid werkt sectoroverstijgend aan leermiddelen die "
            "iedereen kan gebruiken."
        ),
        "mandate": (
            "<p>De werkgroep beheert de criteria K10 tot en met K12 van het kwaliteitskader "
            "en stelt voorbeelden op van toegankelijke leermiddelen.</p>"
        ),
        "how_to_join": (
            "<p>We zoeken leraren, ontwikkelaars en ervaringsdeskundigen. Lees het "
            "nieuwsbericht over de vacatures of mail ons.</p>"
        ),
        "contact_email": "toegankelijkheid@nlka.example",
        "members": [
            ("Sanne Visser", "Voorzitter", "De Zonnewijzer, Nijmegen"),
            ("Niels Dekker", "Lid", "Digitale toegankelijkheid, adviesbureau"),
            ("Emma Koster", "Lid", "Ervaringsdeskundige, student"),
        ],
        "documents": ["mandaat-werkgroepen"],
    },
    {
        "slug": "klankbordgroep",
        "title": "Klankbordgroep",
        "kind": "sounding_board",
        "introduction": (
            "Leraren, leerlingen, ouders en distributeurs toetsen de voorstellen van de "
            "alliantie aan de dagelijkse praktijk."
        ),
        "mandate": (
            "<p>De klankbordgroep geeft gevraagd en ongevraagd advies aan de stuurgroep. Elke "
            "nieuwe versie van het kwaliteitskader gaat eerst langs de klankbordgroep.</p>"
        ),
        "how_to_join": (
            "<p>Twee keer per jaar zoeken we nieuwe leden. Leerlingen doen mee met "
            "toestemming van een ouder of verzorger.</p>"
        ),
        "contact_email": "klankbordgroep@nlka.example",
        "members": [
            ("Joost Verhoeven", "Voorzitter", "Leraar, vmbo"),
            ("Amira Haddou", "Lid", "Leerling, havo 4"),
            ("Karin Post", "Lid", "Ouder, po"),
            ("Rik Claassen", "Lid", "Distributeur van leermiddelen"),
            ("Mila de Boer", "Lid", "Leerling, praktijkonderwijs"),
        ],
        "documents": ["mandaat-klankbordgroep"],
    },
]

DEMO_DOCUMENTS = {
    "mandaat-stuurgroep": (
        "Mandaat van de stuurgroep",
        ["Taken, bevoegdheden en werkwijze van de stuurgroep.", "Vastgesteld op 1 maart 2026."],
    ),
    "jaarplan-2027": (
        "Jaarplan 2027",
        ["Doelen en activiteiten van de alliantie in 2027.", "Concept voor de klankbordgroep."],
    ),
    "mandaat-werkgroepen": (
        "Mandaat van de werkgroepen",
        ["Taken en werkwijze van de werkgroepen per sector en thema."],
    ),
    "mandaat-klankbordgroep": (
        "Mandaat van de klankbordgroep",
        ["Samenstelling, taken en werkwijze van de klankbordgroep."],
    ),
}

# key: title, alt text, motif, background colour
DEMO_IMAGES = {
    "kwaliteitskader": (
        "Kwaliteitskader",
        "Getekend klembord met een lijst afgevinkte punten",
        "checklist",
        "#00457c",
    ),
    "groep": ("Werkgroep", "Getekende groep van vijf mensen rond een tafel", "people", "#1d6b2a"),
    "boeken": ("Open leermiddelen", "Getekende stapel boeken naast een tablet", "books", "#7a3b00"),
    "werkplaats": (
        "Werkinstructie",
        "Getekende werkinstructie in drie stappen met pictogrammen",
        "steps",
        "#5a2d82",
    ),
    "grafiek": (
        "Nulmeting",
        "Getekende staafgrafiek met vier stijgende staven",
        "chart",
        "#00457c",
    ),
    "tablet": (
        "Digitaal leermiddel",
        "Getekende tablet met een slotje op het scherm",
        "tablet",
        "#3d3d45",
    ),
    "gesprek": ("Gesprek", "Getekende tekstballonnen van drie sprekers", "speech", "#a4031f"),
}

SITE_SETTINGS = {
    "footer_text": (
        "De Nederlandse Leermiddelen Kwaliteitsalliantie is een samenwerking van scholen, "
        "leraren, uitgevers, onderzoekers en het ministerie van OCW."
    ),
    "footer_text_en": (
        "The Dutch Learning Materials Quality Alliance is a partnership of schools, teachers, "
        "publishers, researchers and the Ministry of Education."
    ),
    "contact_email": "info@nlka.example",
    "social_links": [
        ("link", {"name": "Mastodon", "url": "https://mastodon.example/@nlka"}),
        ("link", {"name": "LinkedIn", "url": "https://www.linkedin.example/company/nlka"}),
    ],
}
