"""Date styles the site uses, written the way each language writes them.

Django's named formats (DATE_FORMAT, YEAR_MONTH_FORMAT...) cover the short
forms; a full date with its weekday ("Monday 4 January 2027, 6:30 PM") has no
named format, so templates ask for a style here instead of a fixed English
pattern: `{{ start|local_date:"weekday_datetime" }}`.
"""

from django.utils.translation import get_language

STYLES = {
    "en": {
        "month": "F Y",
        "weekday_date": "l j F Y",
        "weekday_datetime": "l j F Y, g:i A",
        "date": "j F Y",
        "time": "g:i A",
    },
    "es": {
        "month": r"F \d\e Y",
        "weekday_date": r"l j \d\e F \d\e Y",
        "weekday_datetime": r"l j \d\e F \d\e Y, H:i",
        "date": r"j \d\e F \d\e Y",
        "time": "H:i",
    },
    "pt": {
        "month": r"F \d\e Y",
        "weekday_date": r"l, j \d\e F \d\e Y",
        "weekday_datetime": r"l, j \d\e F \d\e Y, H:i",
        "date": r"j \d\e F \d\e Y",
        "time": "H:i",
    },
    "ht": {
        "month": "F Y",
        "weekday_date": "l j F Y",
        "weekday_datetime": "l j F Y, H:i",
        "date": "j F Y",
        "time": "H:i",
    },
    "vi": {
        "month": r"\t\h\á\n\g n \n\ă\m Y",
        "weekday_date": r"l, \n\g\à\y j \t\h\á\n\g n \n\ă\m Y",
        "weekday_datetime": r"H:i, l, \n\g\à\y j \t\h\á\n\g n \n\ă\m Y",
        "date": r"\n\g\à\y j \t\h\á\n\g n \n\ă\m Y",
        "time": "H:i",
    },
    "zh-hans": {
        "month": "Y年n月",
        "weekday_date": "Y年n月j日 l",
        "weekday_datetime": "Y年n月j日 l H:i",
        "date": "Y年n月j日",
        "time": "H:i",
    },
}


def date_style(style, language=None):
    """The date format for `style` in `language` (the active one by default)."""
    language = (language or get_language() or "en").lower()
    styles = STYLES.get(language) or STYLES.get(language.split("-")[0]) or STYLES["en"]
    return styles[style]
