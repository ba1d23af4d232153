"""A starter language guide in English and Spanish, in our own words.

Each Spanish entry is the translation of an English one (same translation key),
so translators can find and extend it. Idempotent: entries that exist, by term
and language, are left as administrators have edited them."""

from django.db import transaction
from wagtail.models import Locale

from .models import LanguageGuideEntry

AVOID = LanguageGuideEntry.Severity.AVOID
CONSIDER = LanguageGuideEntry.Severity.CONSIDER

GUIDE = [
    (
        {
            "term": "client",
            "reason": "It casts people as buyers of a service. In peer support we meet as equals.",
            "alternatives": "person\nmember\nparticipant\npeer",
            "severity": AVOID,
        },
        {
            "term": "cliente",
            "reason": "Presenta a las personas como compradoras de un servicio. En el apoyo entre pares nos "
            "encontramos como iguales.",
            "alternatives": "persona\nmiembro\nparticipante\npar",
            "severity": AVOID,
        },
    ),
    (
        {
            "term": "consumer",
            "reason": "A system word that reduces people to users of services.",
            "alternatives": "person with lived experience\npeople who use services\nmember",
            "severity": AVOID,
        },
        {
            "term": "consumidor",
            "variants": "consumidora\nconsumidoras",
            "reason": "Una palabra del sistema que reduce a las personas a usuarias de servicios.",
            "alternatives": "persona con experiencia vivida\npersonas que usan servicios\nmiembro",
            "severity": AVOID,
        },
    ),
    (
        {
            "term": "non-compliant",
            "variants": "noncompliance\nnon-compliance",
            "reason": "It judges people for the choices they make about their own care.",
            "alternatives": "chose not to\ndecided differently\nprefers another approach",
            "severity": AVOID,
        },
        {
            "term": "no cumplidor",
            "variants": "incumplimiento terapéutico",
            "reason": "Juzga a las personas por las decisiones que toman sobre su propio cuidado.",
            "alternatives": "decidió no hacerlo\neligió otro camino\nprefiere otra opción",
            "severity": AVOID,
        },
    ),
    (
        {
            "term": "suffers from",
            "variants": "suffer from\nsuffered from\nsuffering from",
            "reason": "It assumes how someone feels about their experience. Let people say that for themselves.",
            "alternatives": "lives with\nhas\nhas experience of",
            "severity": CONSIDER,
        },
        {
            "term": "padece de",
            "variants": "padecen de\npadecer de\nsufre de\nsufren de",
            "reason": "Supone cómo vive alguien su experiencia. Dejemos que cada persona lo diga.",
            "alternatives": "vive con\ntiene\ntiene experiencia de",
            "severity": CONSIDER,
        },
    ),
    (
        {
            "term": "the mentally ill",
            "reason": "It turns people into a diagnosis. Put the person first.",
            "alternatives": "people with mental health conditions\npeople with lived experience",
            "severity": AVOID,
        },
        {
            "term": "enfermo mental",
            "variants": "enferma mental\nenfermas mentales",
            "reason": "Convierte a las personas en un diagnóstico. La persona va primero.",
            "alternatives": "persona con una condición de salud mental\npersona con experiencia vivida",
            "severity": AVOID,
        },
    ),
    (
        {
            "term": "patient",
            "reason": "Outside a hospital, people are not patients. Use the word for their role here.",
            "alternatives": "person\nmember\nparticipant",
            "severity": CONSIDER,
        },
        {
            "term": "paciente",
            "reason": "Fuera de un hospital, las personas no son pacientes. Use la palabra de su papel aquí.",
            "alternatives": "persona\nmiembro\nparticipante",
            "severity": CONSIDER,
        },
    ),
    (
        {
            "term": "committed suicide",
            "variants": "commit suicide",
            "reason": "“Commit” links a death to crime or sin.",
            "alternatives": "died by suicide\ntook their own life",
            "severity": AVOID,
        },
        {
            "term": "cometió suicidio",
            "reason": "“Cometer” asocia una muerte con un delito.",
            "alternatives": "murió por suicidio\nse quitó la vida",
            "severity": AVOID,
        },
    ),
]


def _publish(entry):
    entry.save()
    entry.save_revision().publish()


def load(context):
    stdout = context["stdout"]
    english = Locale.objects.get(language_code="en")
    spanish = Locale.objects.filter(language_code="es").first()
    created = 0
    with transaction.atomic():
        for source, translation in GUIDE:
            entry = LanguageGuideEntry.objects.filter(locale=english, term=source["term"]).first()
            if entry is None:
                entry = LanguageGuideEntry(locale=english, **source)
                _publish(entry)
                created += 1
            if spanish is None:
                continue
            has_spanish = LanguageGuideEntry.objects.filter(locale=spanish, term=translation["term"]).exists()
            if not has_spanish and not entry.has_translation(spanish):
                spanish_entry = entry.copy_for_translation(spanish)
                for field, value in translation.items():
                    setattr(spanish_entry, field, value)
                spanish_entry.variants = translation.get("variants", "")
                _publish(spanish_entry)
                created += 1
    stdout.write(f"Language guide: {created} entries added.")
