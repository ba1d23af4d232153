"""Demo content for the site's core, in our own words: the home page, the five
organisations with their forms, a sign-on statement with approved signatures,
the regional directory with each region's recovery learning community, and a
content page, with a Spanish translation made through wagtail-localize."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from . import roles, towns
from .models import (
    AgendaItem,
    ContentPage,
    FormField,
    FormPage,
    HomePage,
    MailingListPage,
    MembershipCriterion,
    OrganisationPage,
    Region,
    RegionalContact,
    RegionalDirectoryPage,
    Signature,
    SignOnPage,
    SiteSettings,
    Town,
)

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
        load_organisations(home)
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
    stdout.write(
        "Home, the five organisations with their forms, a sign-on statement, the regional directory "
        "and the peer support page are in place (with Spanish)."
    )


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


# The organisations, in our own words. Facts (years, roles, regions) follow the
# organisations' public pages; the wording is ours.
ORGANISATIONS = [
    {
        "slug": "eastern-mass-peer-network",
        "title": "Eastern Massachusetts Peer Network",
        "kind": "network",
        "short_name": "EMPN",
        "intro": "Peer workers in the east of the state supporting each other and speaking up for our profession.",
        "mission": (
            "<p>We give peer workers a place to talk about our work, learn from each other and stay well "
            "in it. We answer to our members, not to funders or employers.</p>"
        ),
        "vision": "<p>Anyone who wants non-clinical peer support can find it.</p>",
        "represents": (
            "<p>Peer specialists and other peer workers: people who have lived through emotional distress, "
            "trauma or extreme experiences and now walk alongside others, as equals.</p>"
        ),
        "history": (
            "<p>When community support teams were redesigned in 2009, peer specialists had no organised "
            "voice in how the new roles would work. The network grew out of that gap, and works with its "
            "sister network in western Massachusetts.</p>"
        ),
        "meeting_schedule": "Every other month, online, on a weekday evening.",
        "contact_email": "empn@example.org",
        "forms": ["sign_on", "contact", "mailing_list"],
    },
    {
        "slug": "central-mass-peer-network",
        "title": "Central Massachusetts Peer Network",
        "kind": "network",
        "short_name": "CMPN",
        "intro": "People in paid and volunteer peer roles in central Massachusetts, giving and getting support.",
        "mission": (
            "<p>We meet so that people doing peer support work have peers of their own: a place to share "
            "what is hard, what works, and how to hold on to the values of the role.</p>"
        ),
        "represents": (
            "<p>Certified peer specialists, recovery coaches and anyone working in a peer role in the region.</p>"
        ),
        "meeting_schedule": "Monthly, in Worcester and online.",
        "contact_email": "cmpn@example.org",
        "forms": ["contact"],
    },
    {
        "slug": "peer-workforce-coalition",
        "title": "Massachusetts Peer Workforce Coalition",
        "kind": "coalition",
        "short_name": "MAPWC",
        "intro": "Peer professionals of every kind, speaking together on the policies that affect our work.",
        "mission": (
            "<p>We bring together leaders from every peer and lived-experience profession so that people "
            "with lived experience shape the policies that affect peer work, and so that each profession "
            "keeps what makes it distinct.</p>"
        ),
        "vision": (
            "<p>More peer-run programmes across the Commonwealth, voluntary and community-run care within "
            "everyone's reach, and the people most affected leading the way.</p>"
        ),
        "history": (
            "<p>The coalition began in 2018 with a statewide consumer networking grant from SAMHSA. Its first "
            "form was a network of mental health and substance use peer supporters; after listening sessions "
            "and trainings, leaders of training, advocacy and credentialing organisations from across the "
            "peer professions joined, and the coalition took its present shape.</p>"
        ),
        "represents": (
            "<ul><li>Recovery coaches</li><li>Certified peer specialists</li><li>Family partners</li>"
            "<li>Young adult peer mentors</li><li>Certified older adult peer specialists</li>"
            "<li>Other lived-experience professionals</li></ul>"
        ),
        "membership": "<p>Membership is free. Tell us about yourself with the form and we will be in touch.</p>",
        "criteria": [
            "You work or volunteer in a peer or lived-experience role in Massachusetts.",
            "You support peer-led, voluntary approaches to care.",
            "You will respect the comfort agreement at our meetings.",
        ],
        "meeting_schedule": "Monthly, online. The meeting link goes to confirmed members.",
        "agenda": [
            ("Welcome and chat while people join", 5, ""),
            ("Comfort agreement and introductions", 5, "How we want to be together today."),
            ("Notes from last time", 5, ""),
            ("Progress on our priorities", 15, "The issues the coalition is working on now."),
            ("Next steps", 15, "Who does what before we meet again."),
            ("Goodbyes", 5, ""),
        ],
        "contact_email": "coalition@example.org",
        "comparison": True,
        "members_page": True,
        "forms": ["membership", "mailing_list"],
    },
    {
        "slug": "western-mass-peer-network",
        "title": "Western Massachusetts Peer Network",
        "kind": "network",
        "short_name": "WMPN",
        "intro": "Peer workers in the four western counties, sharing support and the values of the role.",
        "mission": (
            "<p>We keep the peer role true to itself. Our members wrote down the values and actions of peer "
            "work so that anyone can see what peer support is, and what it is not.</p>"
        ),
        "history": (
            "<p>The network first set out its values for peer roles in 2013, and many voices have added to "
            "them since.</p>"
        ),
        "meeting_schedule": "Monthly, in Holyoke and online.",
        "contact_email": "wmpn@example.org",
        "forms": ["contact"],
    },
    {
        "slug": "peer-facilitators-project",
        "title": "Peer Facilitators Project",
        "kind": "project",
        "short_name": "",
        "intro": "Self-help groups for people in mental health recovery, led by peers, in all six regions.",
        "mission": (
            "<p>People who share an experience have always gathered to swap ideas and hold each other up. "
            "Our groups do the same for mental health recovery: peers who have been there lead, and everyone "
            "learns from what has and has not helped.</p>"
        ),
        "represents": (
            "<p>About 40 peer facilitators run groups in state hospitals and, more and more, in shelters, "
            "libraries and places of worship. The recovery learning communities in each region support them.</p>"
        ),
        "contact_email": "facilitators@example.org",
        "forms": ["interest"],
    },
]

COMPARISON_CHART = (
    "comparison",
    {
        "title": "Peer roles in Massachusetts, side by side",
        "first_column_is_header": True,
        "table": {
            "caption": "",
            "columns": [
                {"type": "text", "heading": "Role"},
                {"type": "text", "heading": "Lived experience of"},
                {"type": "answer", "heading": "State certification"},
            ],
            "rows": [
                {"values": ["Recovery coach", "Recovery from substance use", "yes"]},
                {"values": ["Certified peer specialist", "Mental health recovery", "yes"]},
                {"values": ["Family partner", "Raising a child with emotional or behavioural needs", "partly"]},
                {"values": ["Young adult peer mentor", "Being a young adult using services", "no"]},
                {"values": ["Certified older adult peer specialist", "Ageing with mental health needs", "yes"]},
            ],
        },
    },
)

STATEMENT = {
    "slug": "peer-roles-in-community-teams",
    "title": "Let peer specialists be peer specialists",
    "intro": "A public comment on how peer roles are used in community support teams. Add your name.",
    "statement": (
        "<p>Peer specialists bring something no other team member can: lived experience, shared as an equal. "
        "We ask that the next contracts for community support teams:</p>"
        "<ul><li>describe the peer role in the words of peer workers, and keep it separate from case "
        "management;</li><li>never ask peer staff to act against the peer code of ethics;</li>"
        "<li>pay peer specialists fairly for their training, certification and expertise.</li></ul>"
    ),
    "thank_you_text": "<p>Thank you. Your name will appear here once one of our reviewers has checked it.</p>",
    "confirmation_email_text": "Thank you for signing. We will let you know when the comment is delivered.",
    "signatures": [
        ("Maria Alvarez", "Certified peer specialist", "Lowell", "maria@example.org", True),
        ("Tom Nguyen", "Recovery coach", "Quincy", "tom@example.org", True),
        ("Grace Okafor", "Peer supervisor", "Brockton", "grace@example.org", True),
        ("Sam Cohen", "", "Salem", "sam@example.org", False),
    ],
}

CONTACT_FORM = {
    "slug": "get-in-touch",
    "title": "Get in touch",
    "intro": "<p>Questions, ideas, or want to come to a meeting? Write to us.</p>",
    "fields": [
        ("Your name", "singleline", True, ""),
        ("Your email", "email", True, ""),
        ("Your message", "multiline", True, ""),
    ],
    "confirmation_email_text": "Thank you for getting in touch. One of us will write back soon.",
}
MEMBERSHIP_FORM = {
    "slug": "join",
    "title": "Become a member",
    "intro": "<p>Tell us a little about yourself. Please confirm each membership criterion.</p>",
    "fields": [
        ("Your name", "singleline", True, ""),
        ("Your email", "email", True, ""),
        ("Your peer role", "singleline", True, "For example: recovery coach"),
        ("Where you work or volunteer", "singleline", False, ""),
    ],
    "confirm_membership_criteria": True,
    "confirmation_email_text": "Thank you for applying to join. We will be in touch before the next meeting.",
}
INTEREST_FORM = {
    "slug": "become-a-facilitator",
    "title": "Become a peer facilitator",
    "intro": (
        "<p>Have you reached a steady point in your own recovery, and led or co-led a group before? "
        "Do you want to give something back? Tell us, and your regional learning community will be in touch.</p>"
    ),
    "fields": [
        ("Your name", "singleline", True, ""),
        ("Your email", "email", True, ""),
        ("Your region", "dropdown", True, ""),
        ("Tell us about your experience with groups", "multiline", False, ""),
    ],
    "confirmation_email_text": "Thank you for your interest in facilitating. We will pass your note to your region.",
}
MAILING_LIST = {"slug": "news", "title": "Get our news", "intro": "<p>A short email when there is news.</p>"}

DIRECTORY = {
    "slug": "find-support-near-you",
    "title": "Find support near you",
    "intro": (
        "<p>Massachusetts is divided into six regions. Each has a recovery learning community: a peer-run "
        "place for support, groups and training. Type your city or town to find yours.</p>"
    ),
}
RLC_CONTACTS = {
    "central": ("Central Mass Recovery Learning Community", "508 555 0110"),
    "metro-suburban": ("Metro Suburban Recovery Learning Community", "781 555 0120"),
    "metro-boston": ("Metro Boston Recovery Learning Community", "617 555 0130"),
    "southeast": ("Southeast Recovery Learning Community", "508 555 0140"),
    "northeast": ("Northeast Recovery Learning Community", "978 555 0150"),
    "western": ("Western Mass Recovery Learning Community", "413 555 0160"),
}


def load_organisations(home):
    for spec in ORGANISATIONS:
        organisation = ensure_organisation(home, spec)
        for form in spec["forms"]:
            FORM_BUILDERS[form](organisation, spec)
        if spec.get("members_page"):
            ensure_members_page(organisation)
    ensure_directory(home)


MEMBERS_PAGE = {
    "slug": "members",
    "title": "For members: meeting notes and call details",
    "intro": "Notes from our meetings and how to join the calls. Only signed-in members can see this page.",
    "body": [
        ("heading", {"text": "Joining the monthly call", "level": "h2"}),
        ("paragraph", "<p>The call link is sent to members a week before each meeting.</p>"),
    ],
}


def ensure_members_page(organisation):
    """A page only the Members group can open (Wagtail page privacy)."""
    existing = organisation.get_children().filter(slug=MEMBERS_PAGE["slug"]).first()
    if existing is not None:
        return existing
    page = ContentPage(**MEMBERS_PAGE)
    organisation.add_child(instance=page)
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.MEMBERS)])
    return page


def ensure_organisation(home, spec):
    existing = home.get_children().filter(slug=spec["slug"]).first()
    if existing is not None and existing.specific_class is OrganisationPage:
        return existing.specific
    if existing is not None:
        # An older demo made this a plain content page: replace it (and its aliases).
        Page.objects.filter(alias_of=existing).delete()
        existing.delete()
    page = OrganisationPage(
        title=spec["title"],
        slug=spec["slug"],
        kind=spec["kind"],
        short_name=spec["short_name"],
        intro=spec["intro"],
        mission=spec.get("mission", ""),
        vision=spec.get("vision", ""),
        history=spec.get("history", ""),
        represents=spec.get("represents", ""),
        membership=spec.get("membership", ""),
        meeting_schedule=spec.get("meeting_schedule", ""),
        contact_email=spec["contact_email"],
        body=[COMPARISON_CHART] if spec.get("comparison") else [],
        show_in_menus=True,
    )
    page.membership_criteria = [MembershipCriterion(text=text) for text in spec.get("criteria", [])]
    page.agenda_items = [
        AgendaItem(title=title, minutes=minutes, description=description)
        for title, minutes, description in spec.get("agenda", [])
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_form_page(parent, spec, organisation_spec):
    existing = parent.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific
    page = FormPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        to_address=organisation_spec["contact_email"],
        subject=f"{spec['title']}: {organisation_spec['title']}",
        confirmation_email_text=spec["confirmation_email_text"],
        confirm_membership_criteria=spec.get("confirm_membership_criteria", False),
    )
    regions = ", ".join(name for _slug, name, _description in towns.REGIONS)
    page.form_fields = [
        FormField(
            label=label,
            field_type=field_type,
            required=required,
            help_text=help_text,
            choices=regions if field_type == "dropdown" else "",
        )
        for label, field_type, required, help_text in spec["fields"]
    ]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_sign_on(organisation, organisation_spec):
    page = organisation.get_children().filter(slug=STATEMENT["slug"]).first()
    if page is None:
        page = SignOnPage(
            title=STATEMENT["title"],
            slug=STATEMENT["slug"],
            intro=STATEMENT["intro"],
            statement=STATEMENT["statement"],
            thank_you_text=STATEMENT["thank_you_text"],
            confirmation_email_text=STATEMENT["confirmation_email_text"],
            to_address=organisation_spec["contact_email"],
        )
        organisation.add_child(instance=page)
        page.save_revision().publish()
    for name, role, town, email, public in STATEMENT["signatures"]:
        Signature.objects.get_or_create(
            page_id=page.pk,
            email=email,
            defaults={"name": name, "role": role, "town": town, "show_publicly": public, "approved": True},
        )
    return page


def ensure_mailing_list(organisation, organisation_spec):
    existing = organisation.get_children().filter(slug=MAILING_LIST["slug"]).first()
    if existing is not None:
        return existing.specific
    page = MailingListPage(
        title=MAILING_LIST["title"],
        slug=MAILING_LIST["slug"],
        intro=MAILING_LIST["intro"],
        list_name=f"{organisation_spec['short_name'] or organisation_spec['title']} news",
        to_address=organisation_spec["contact_email"],
    )
    organisation.add_child(instance=page)
    page.save_revision().publish()
    return page


FORM_BUILDERS = {
    "contact": lambda organisation, spec: ensure_form_page(organisation, CONTACT_FORM, spec),
    "membership": lambda organisation, spec: ensure_form_page(organisation, MEMBERSHIP_FORM, spec),
    "interest": lambda organisation, spec: ensure_form_page(organisation, INTEREST_FORM, spec),
    "sign_on": ensure_sign_on,
    "mailing_list": ensure_mailing_list,
}


def ensure_directory(home):
    english = home.locale
    # The regions and towns come from a data migration; put them back if they were
    # removed since (a database flush, an administrator deleting a region).
    towns.load_regions(Region, Town, Locale, english.language_code)
    for slug, (name, phone) in RLC_CONTACTS.items():
        region = Region.objects.get(slug=slug, locale=english)
        if RegionalContact.objects.filter(name=name, locale=english).exists():
            continue
        contact = RegionalContact.objects.create(
            name=name,
            region=region,
            locale=english,
            description="Peer-run support, groups and training for the region. Everyone is welcome.",
            phone=phone,
            email=f"rlc-{slug}@example.org",
            link=f"https://{slug}.rlc.example.org/",
            live=False,
        )
        contact.save_revision().publish()
    if not home.get_children().filter(slug=DIRECTORY["slug"]).exists():
        page = RegionalDirectoryPage(
            title=DIRECTORY["title"], slug=DIRECTORY["slug"], intro=DIRECTORY["intro"], show_in_menus=True
        )
        home.add_child(instance=page)
        page.save_revision().publish()
