"""Demo content for the site's core: the home page, organisations and a content
page, in our own words, with a Spanish translation made through wagtail-localize."""

from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from .models import ContentPage, HomePage, SiteSettings

HOME = {
    "title": "Peer support across Massachusetts",
    "site_name": "Massachusetts Peer Support Networks",
    "tagline": "Run by and for people with lived experience",
    "intro": (
        "<p>Regional peer networks, the statewide peer workforce coalition and the recovery "
        "learning communities share news, guidance and gatherings here. Everything on this "
        "site is free to read and free to share.</p>"
    ),
}

PAGES = [
    {
        "slug": "what-is-peer-support",
        "title": "What is peer support?",
        "intro": "Peer support is people with similar experiences helping each other, as equals.",
        "body": [
            ("heading", {"text": "Equals, not experts", "level": "h2"}),
            (
                "paragraph",
                "<p>In peer support nobody is the fixer. Two people who have both lived through hard "
                "times meet as equals, and each can learn from the other.</p>",
            ),
            (
                "list",
                {
                    "style": "bulleted",
                    "items": [
                        "It is voluntary: you choose whether and how to take part.",
                        "It is mutual: both people give and receive.",
                        "It uses everyday words, not labels.",
                    ],
                },
            ),
            (
                "callout",
                {
                    "title": "If you need someone to talk to now",
                    "text": "<p>You can call or text 988 at any hour, for free.</p>",
                },
            ),
        ],
        "spanish": {
            "What is peer support?": "¿Qué es el apoyo entre pares?",
            "Peer support is people with similar experiences helping each other, as equals.": (
                "El apoyo entre pares es gente con experiencias parecidas que se ayuda, de igual a igual."
            ),
            "Equals, not experts": "Iguales, no expertos",
            "In peer support nobody is the fixer. Two people who have both lived through hard times "
            "meet as equals, and each can learn from the other.": (
                "En el apoyo entre pares nadie es quien arregla. Dos personas que han vivido tiempos "
                "difíciles se encuentran como iguales, y cada una puede aprender de la otra."
            ),
            "It is voluntary: you choose whether and how to take part.": (
                "Es voluntario: usted decide si participa y cómo."
            ),
            "It is mutual: both people give and receive.": "Es mutuo: las dos personas dan y reciben.",
            "It uses everyday words, not labels.": "Usa palabras de todos los días, no etiquetas.",
            "If you need someone to talk to now": "Si necesita hablar con alguien ahora",
            "You can call or text 988 at any hour, for free.": (
                "Puede llamar o enviar un mensaje de texto al 988 a cualquier hora, gratis."
            ),
            "what-is-peer-support": "que-es-el-apoyo-entre-pares",
        },
    },
    {
        "slug": "eastern-mass-peer-network",
        "title": "Eastern Massachusetts Peer Network",
        "intro": "A professional home for peer workers in the east of the state, independent of funders and employers.",
        "body": [
            ("heading", {"text": "Why we meet", "level": "h2"}),
            (
                "paragraph",
                "<p>Peer workers in eastern Massachusetts meet to talk about our work, support one "
                "another and speak up together on the issues that shape our profession. We work "
                "alongside our sister network in western Massachusetts.</p>",
            ),
        ],
    },
    {
        "slug": "peer-workforce-coalition",
        "title": "Massachusetts Peer Workforce Coalition",
        "intro": "Peer professionals of every kind, speaking together on the policies that affect our work.",
        "body": [
            ("heading", {"text": "Who we are", "level": "h2"}),
            (
                "paragraph",
                "<p>Founded in 2018, the coalition brings together recovery coaches, certified peer "
                "specialists, family partners, young adult peer mentors and older adult peer "
                "specialists.</p>",
            ),
        ],
    },
]

HOME_SPANISH = {
    HOME["title"]: "Apoyo entre pares en todo Massachusetts",
    HOME["site_name"]: "Redes de Apoyo entre Pares de Massachusetts",
    HOME["tagline"]: "Dirigidas por y para personas con experiencia vivida",
    "Regional peer networks, the statewide peer workforce coalition and the recovery learning "
    "communities share news, guidance and gatherings here. Everything on this site is free to read "
    "and free to share.": (
        "Las redes regionales de pares, la coalición estatal de trabajadores pares y las comunidades "
        "de aprendizaje para la recuperación comparten aquí noticias, guías y encuentros. Todo en este "
        "sitio es gratis para leer y compartir."
    ),
}


def load(context):
    stdout = context["stdout"]
    with transaction.atomic():
        home = ensure_home_page()
        for spec in PAGES:
            ensure_child_page(home, spec)
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        if not settings.contact_email:
            settings.contact_email = "hello@example.org"
            settings.phone = "617 555 0100"
            settings.save()
        sync_locale_trees()
        spanish = Locale.objects.get(language_code="es")
        translate(home, spanish, HOME_SPANISH)
        peer_support = home.get_children().get(slug="what-is-peer-support")
        translate(peer_support.specific, spanish, PAGES[0]["spanish"])
    stdout.write("Home, organisations and the peer support page are in place (with Spanish).")


def ensure_home_page():
    site = Site.objects.filter(is_default_site=True).first()
    existing = HomePage.objects.filter(locale__language_code="en").first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    home = HomePage(
        title=HOME["title"],
        slug="home",
        site_name=HOME["site_name"],
        tagline=HOME["tagline"],
        intro=HOME["intro"],
    )
    # Wagtail's starter "Welcome" page takes the slug "home": replace it.
    for starter in root.get_children().exact_type(Page):
        starter.delete()
    root.add_child(instance=home)
    home.save_revision().publish()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    return home


def ensure_child_page(parent, spec):
    existing = parent.get_children().filter(slug=spec["slug"]).first()
    if existing:
        return existing.specific
    page = ContentPage(
        title=spec["title"], slug=spec["slug"], intro=spec["intro"], body=spec["body"], show_in_menus=True
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def sync_locale_trees():
    """Give every locale a synced alias of each English page (wagtail-localize's sync)."""
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale)


def translate(page, locale, strings):
    """Translate `page` through wagtail-localize, the way a translator would:
    extract its strings, import translations as a PO file, save the target."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgstr or "")
    translation.import_po(po)
    translation.save_target(publish=True)
    return page.get_translation(locale)
