"""Demo content for the document library, in our own words: a values document
and a code of ethics with several editions, the values document also in Spanish.

Each edition is published in turn, so each is recorded from its own revision,
exactly as a reviewer's approvals would record them.
"""

import datetime

from django.db import transaction
from wagtail.models import Locale

from home.demo import sync_locale_trees, translate
from home.models import HomePage, OrganisationPage, Topic

from .models import DocumentLibraryPage, DocumentType, GuidanceDocumentPage

LIBRARY = {
    "title": "Guidance library",
    "slug": "library",
    "intro": "Values, ethics and guidance written by peer networks, with every past edition kept.",
}

TOPICS = [("Ethics", "ethics"), ("Peer roles", "peer-roles")]


def _item(number, title, text, subs=()):
    return {"number": str(number), "title": title, "text": text, "sub_items": [{"label": "", "text": s} for s in subs]}


# The code of ethics, principle by principle; each edition changes a few.
ETHICS_2006 = [
    "A peer specialist's first duty is to support people toward the life they want, on their own terms.",
    "Peer specialists hold themselves to high standards of conduct and look after their own wellbeing.",
    "Peer specialists share their own story when it helps, and can say what has helped them.",
    "Peer specialists respect the rights and dignity of everyone they work with.",
    "Peer specialists never threaten, pressure or mislead the people they support.",
    "Peer specialists do not discriminate, and speak up when they see discrimination.",
    "Peer specialists keep private what people share with them, within the law.",
    "Peer specialists do not accept gifts of real value from the people they support.",
]
DECISIONS = "Peer specialists stand beside people as they make their own decisions, also with other professionals."
COMMUNITY = "Peer specialists support people to live in the community of their choice, with as few limits as possible."
PRIVACY_2015 = "Peer specialists keep private what people share with them, and say plainly when the law says otherwise."
ETHICS_EDITIONS = [
    ("2006", datetime.date(2006, 9, 1), "First edition for Massachusetts.", ETHICS_2006),
    (
        "2008",
        datetime.date(2008, 6, 1),
        "Two principles added: supporting people's own decisions, and living in the community of their choice.",
        ETHICS_2006
        + [
            DECISIONS,
            COMMUNITY,
        ],
    ),
    (
        "2013",
        datetime.date(2013, 8, 1),
        "Principle 3 reworded; a principle on dual relationships added.",
        [
            *ETHICS_2006[:2],
            "Peer specialists share their own story of healing when it helps the other person, and only then.",
            *ETHICS_2006[3:],
            DECISIONS,
            COMMUNITY,
            "Peer specialists avoid relationships with the people they support that would mix roles or interests.",
        ],
    ),
    (
        "2015",
        datetime.date(2015, 7, 1),
        "Principles 5 and 7 made clearer; a principle on learning added.",
        [
            *ETHICS_2006[:2],
            "Peer specialists share their own story of healing when it helps the other person, and only then.",
            ETHICS_2006[3],
            "Peer specialists never use force, threats, pressure or false promises with the people they support.",
            ETHICS_2006[5],
            PRIVACY_2015,
            ETHICS_2006[7],
            DECISIONS,
            COMMUNITY,
            "Peer specialists avoid relationships with the people they support that would mix roles or interests.",
            "Peer specialists keep learning about recovery and share what they learn.",
        ],
    ),
]


def ethics_body(principles):
    return [
        ("heading", {"text": "What these principles are for", "level": "h2"}),
        (
            "paragraph",
            "<p>These principles guide certified peer specialists in every role they take on. "
            "They also apply to people in training.</p>",
        ),
        ("numbered_list", {"kind": "principle", "items": [_item(n, "", t) for n, t in enumerate(principles, 1)]}),
        (
            "credit",
            {
                "text": "Adapted by Massachusetts peer specialists from a code first written for peer specialists "
                "in another state.",
                "licence": "Free to share with credit.",
            },
        ),
    ]


VALUES = [
    ("Hope", "We believe every one of us can heal and build a full life, not just get by."),
    ("Choice", "We trust people to decide for themselves, and we take no part in force."),
    ("Whole people", "Each person is the expert on their own life, with strengths to offer."),
    ("Plain words", "We use everyday language and leave diagnoses out of it."),
    ("Mutuality", "We learn from each other; nobody is the fixer."),
]
ACTIONS_2013 = [
    ("We help people find and use their own voice.", []),
    ("We share what we have lived through, without handing out advice nobody asked for.", []),
    (
        "We stay out of tasks that widen the gap in power between us and the people we support, such as:",
        ["handing out medication", "writing notes about people without them", "diagnosing"],
    ),
]
ACTIONS_2014 = [
    *ACTIONS_2013[:2],
    (
        "We stay out of tasks that widen the gap in power between us and the people we support, such as:",
        [
            "handing out medication",
            "writing notes about people without them",
            "diagnosing",
            "talking about people in meetings they are not invited to",
        ],
    ),
    ("We notice how a room feels and ask for changes that make it less like an institution.", []),
]


def values_body(values, actions):
    return [
        ("heading", {"text": "Why this document exists", "level": "h2"}),
        (
            "paragraph",
            "<p>Peer workers wrote this to say what makes a peer role different from other jobs in "
            "mental health, and what we will and will not do.</p>",
        ),
        (
            "definition",
            {"term": "Peer", "definition": "Someone of equal standing, who shares some of your experience."},
        ),
        ("heading", {"text": "Our values", "level": "h2"}),
        ("numbered_list", {"kind": "value", "items": [_item(n, t, x) for n, (t, x) in enumerate(values, 1)]}),
        ("heading", {"text": "Our actions", "level": "h2"}),
        ("numbered_list", {"kind": "action", "items": [_item(n, "", t, s) for n, (t, s) in enumerate(actions, 1)]}),
        ("credit", {"text": "First written by peer workers in western Massachusetts, 2013.", "licence": ""}),
    ]


ACTIONS_2015 = [
    *ACTIONS_2014,
    ("We keep asking why things are done the way they are, and we welcome the question from others.", []),
]
VALUES_EDITIONS = [
    ("2013", datetime.date(2013, 5, 1), "First edition.", values_body(VALUES[:4], ACTIONS_2013)),
    (
        "2014",
        datetime.date(2014, 9, 1),
        "Mutuality added as a value; a fourth action added.",
        values_body(VALUES, ACTIONS_2014),
    ),
    (
        "2015",
        datetime.date(2015, 10, 1),
        "A fifth action added: asking why.",
        values_body(VALUES, ACTIONS_2015),
    ),
]

VALUES_SPANISH = {
    "Values and actions of the peer role": "Valores y acciones del rol de par",
    "What peer workers believe, and what we do because of it.": (
        "Lo que creemos los trabajadores pares, y lo que hacemos por eso."
    ),
    "Why this document exists": "Por qué existe este documento",
    "Peer workers wrote this to say what makes a peer role different from other jobs in mental health, and "
    "what we will and will not do.": (
        "Trabajadores pares escribimos esto para decir qué hace diferente al rol de par de otros trabajos en "
        "salud mental, y qué haremos y qué no."
    ),
    "Peer": "Par",
    "Someone of equal standing, who shares some of your experience.": (
        "Alguien en igualdad de condiciones, que comparte parte de su experiencia."
    ),
    "Our values": "Nuestros valores",
    "Our actions": "Nuestras acciones",
    "Hope": "Esperanza",
    "We believe every one of us can heal and build a full life, not just get by.": (
        "Creemos que cada uno de nosotros puede sanar y construir una vida plena, no solo sobrevivir."
    ),
    "Choice": "Elección",
    "We trust people to decide for themselves, and we take no part in force.": (
        "Confiamos en que cada persona decida por sí misma, y no participamos en el uso de la fuerza."
    ),
    "Whole people": "Personas completas",
    "Each person is the expert on their own life, with strengths to offer.": (
        "Cada persona es experta en su propia vida, con fortalezas que ofrecer."
    ),
    "Plain words": "Palabras sencillas",
    "We use everyday language and leave diagnoses out of it.": (
        "Usamos palabras de todos los días y dejamos fuera los diagnósticos."
    ),
    "Mutuality": "Mutualidad",
    "We learn from each other; nobody is the fixer.": "Aprendemos unos de otros; nadie es quien arregla.",
    "We help people find and use their own voice.": "Ayudamos a las personas a encontrar y usar su propia voz.",
    "We share what we have lived through, without handing out advice nobody asked for.": (
        "Compartimos lo que hemos vivido, sin dar consejos que nadie pidió."
    ),
    "We stay out of tasks that widen the gap in power between us and the people we support, such as:": (
        "No hacemos tareas que agrandan la diferencia de poder entre nosotros y las personas que apoyamos, como:"
    ),
    "handing out medication": "repartir medicamentos",
    "writing notes about people without them": "escribir notas sobre personas sin ellas",
    "diagnosing": "diagnosticar",
    "talking about people in meetings they are not invited to": (
        "hablar de personas en reuniones a las que no están invitadas"
    ),
    "We notice how a room feels and ask for changes that make it less like an institution.": (
        "Nos fijamos en cómo se siente un lugar y pedimos cambios para que parezca menos una institución."
    ),
    "First written by peer workers in western Massachusetts, 2013.": (
        "Escrito primero por trabajadores pares del oeste de Massachusetts, 2013."
    ),
    "Mutuality added as a value; a fourth action added.": "Se añadió la mutualidad como valor y una cuarta acción.",
    "We keep asking why things are done the way they are, and we welcome the question from others.": (
        "Seguimos preguntando por qué las cosas se hacen como se hacen, y recibimos bien esa pregunta de otros."
    ),
    "A fifth action added: asking why.": "Se añadió una quinta acción: preguntar por qué.",
    "Peer workers and anyone who works beside them": "Trabajadores pares y quienes trabajan a su lado",
    "values-and-actions": "valores-y-acciones",
}


def load(context):
    stdout = context["stdout"]
    with transaction.atomic():
        home = HomePage.objects.filter(locale__language_code="en").first()
        if home is None:
            stdout.write("No English home page: the document library demo was skipped.")
            return
        english = home.locale
        topics = {
            slug: Topic.objects.get_or_create(slug=slug, locale=english, defaults={"name": name})[0]
            for name, slug in TOPICS
        }
        library = home.get_children().filter(slug=LIBRARY["slug"]).first()
        if library is None:
            library = DocumentLibraryPage(**LIBRARY)
            home.add_child(instance=library)
            library.save_revision().publish()
        else:
            library = library.specific

        ethics = ensure_document(
            library,
            slug="code-of-ethics",
            title="Code of ethics for certified peer specialists",
            summary="The principles certified peer specialists in Massachusetts agree to work by.",
            document_type=DocumentType.CODE_OF_ETHICS,
            first_issued=2006,
            audience="Certified peer specialists and people in training",
            organisation_slug="central-mass-peer-network",
            topics=[topics["ethics"]],
            editions=[(label, date, summary, ethics_body(items)) for label, date, summary, items in ETHICS_EDITIONS],
        )
        values = ensure_document(
            library,
            slug="values-and-actions",
            title="Values and actions of the peer role",
            summary="What peer workers believe, and what we do because of it.",
            document_type=DocumentType.VALUES,
            first_issued=2013,
            audience="Peer workers and anyone who works beside them",
            organisation_slug="western-mass-peer-network",
            topics=[topics["peer-roles"]],
            editions=VALUES_EDITIONS,
        )
        sync_locale_trees()
        spanish = Locale.objects.get(language_code="es")
        if not GuidanceDocumentPage.objects.filter(
            translation_key=values.translation_key, locale=spanish, alias_of__isnull=True
        ).exists():
            translate(values, spanish, VALUES_SPANISH)
    stdout.write(
        f"Guidance library: “{ethics.title}” ({ethics.editions.count()} editions) and "
        f"“{values.title}” ({values.editions.count()} editions, also in Spanish)."
    )


def ensure_document(library, *, slug, title, organisation_slug, topics, editions, **fields):
    existing = library.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    organisation = OrganisationPage.objects.filter(slug=organisation_slug, locale=library.locale).first()
    page = GuidanceDocumentPage(title=title, slug=slug, origin_organisation=organisation, **fields)
    library.add_child(instance=page)
    page.topics.set(topics)
    for label, date, summary, body in editions:
        page.edition_kind = GuidanceDocumentPage.EditionKind.NEW
        page.edition_label = label
        page.edition_date = date
        page.edition_summary = summary
        page.body = body
        page.save_revision().publish()
        page.refresh_from_db()
    return page
