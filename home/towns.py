"""The six DMH regions and the 351 Massachusetts cities and towns in each.

Based on the counties each DMH area serves, with northern Middlesex towns placed
with the region whose offices serve them. Loaded by a data migration; editors
change region names and descriptions (and translate them) in the admin."""

import unicodedata

REGIONS = [
    # slug, name, description
    ("western", "Western Mass", "Berkshire, Franklin, Hampshire and Hampden counties."),
    ("central", "Central Mass", "Worcester County and the towns along the northern Middlesex border."),
    ("northeast", "Northeast", "Essex County, the Lowell area and the cities and towns north of Boston."),
    ("metro-boston", "Metro Boston", "Boston, Brookline, Chelsea, Revere and Winthrop."),
    ("metro-suburban", "Metro Suburban", "The cities and towns west and south of Boston, to the South Shore."),
    ("southeast", "Southeast", "Plymouth and Bristol counties, Cape Cod and the Islands."),
]

TOWNS = {
    "western": (
        "Adams, Alford, Becket, Cheshire, Clarksburg, Dalton, Egremont, Florida, Great Barrington, Hancock, "
        "Hinsdale, Lanesborough, Lee, Lenox, Monterey, Mount Washington, New Ashford, New Marlborough, North "
        "Adams, Otis, Peru, Pittsfield, Richmond, Sandisfield, Savoy, Sheffield, Stockbridge, Tyringham, "
        "Washington, West Stockbridge, Williamstown, Windsor, Ashfield, Bernardston, Buckland, Charlemont, "
        "Colrain, Conway, Deerfield, Erving, Gill, Greenfield, Hawley, Heath, Leverett, Leyden, Monroe, "
        "Montague, New Salem, Northfield, Orange, Rowe, Shelburne, Shutesbury, Sunderland, Warwick, Wendell, "
        "Whately, Amherst, Belchertown, Chesterfield, Cummington, Easthampton, Goshen, Granby, Hadley, "
        "Hatfield, Huntington, Middlefield, Northampton, Pelham, Plainfield, South Hadley, Southampton, Ware, "
        "Westhampton, Williamsburg, Worthington, Agawam, Blandford, Brimfield, Chester, Chicopee, East "
        "Longmeadow, Granville, Hampden, Holland, Holyoke, Longmeadow, Ludlow, Monson, Montgomery, Palmer, "
        "Russell, Southwick, Springfield, Tolland, Wales, West Springfield, Westfield, Wilbraham"
    ),
    "central": (
        "Ashburnham, Athol, Auburn, Barre, Berlin, Blackstone, Bolton, Boylston, Brookfield, Charlton, "
        "Clinton, Douglas, Dudley, East Brookfield, Fitchburg, Gardner, Grafton, Hardwick, Harvard, Holden, "
        "Hopedale, Hubbardston, Lancaster, Leicester, Leominster, Lunenburg, Mendon, Milford, Millbury, "
        "Millville, New Braintree, North Brookfield, Northborough, Northbridge, Oakham, Oxford, Paxton, "
        "Petersham, Phillipston, Princeton, Royalston, Rutland, Shrewsbury, Southborough, Southbridge, "
        "Spencer, Sterling, Sturbridge, Sutton, Templeton, Upton, Uxbridge, Warren, Webster, West Boylston, "
        "West Brookfield, Westborough, Westminster, Winchendon, Worcester, Ashby, Ayer, Groton, Pepperell, "
        "Shirley, Townsend"
    ),
    "northeast": (
        "Amesbury, Andover, Beverly, Boxford, Danvers, Essex, Georgetown, Gloucester, Groveland, Hamilton, "
        "Haverhill, Ipswich, Lawrence, Lynn, Lynnfield, Manchester-by-the-Sea, Marblehead, Merrimac, Methuen, "
        "Middleton, Nahant, Newbury, Newburyport, North Andover, Peabody, Rockport, Rowley, Salem, Salisbury, "
        "Saugus, Swampscott, Topsfield, Wenham, West Newbury, Billerica, Chelmsford, Dracut, Dunstable, "
        "Lowell, Tewksbury, Tyngsborough, Westford, Burlington, Cambridge, Everett, Malden, Medford, Melrose, "
        "North Reading, Reading, Somerville, Stoneham, Wakefield, Wilmington, Winchester, Woburn"
    ),
    "metro-boston": ("Boston, Brookline, Chelsea, Revere, Winthrop"),
    "metro-suburban": (
        "Acton, Arlington, Ashland, Bedford, Belmont, Boxborough, Carlisle, Concord, Framingham, Holliston, "
        "Hopkinton, Hudson, Lexington, Lincoln, Littleton, Marlborough, Maynard, Natick, Newton, Sherborn, "
        "Stow, Sudbury, Waltham, Watertown, Wayland, Weston, Avon, Bellingham, Braintree, Canton, Cohasset, "
        "Dedham, Dover, Foxborough, Franklin, Holbrook, Medfield, Medway, Millis, Milton, Needham, Norfolk, "
        "Norwood, Plainville, Quincy, Randolph, Sharon, Stoughton, Walpole, Wellesley, Westwood, Weymouth, "
        "Wrentham"
    ),
    "southeast": (
        "Abington, Bridgewater, Brockton, Carver, Duxbury, East Bridgewater, Halifax, Hanover, Hanson, "
        "Hingham, Hull, Kingston, Lakeville, Marion, Marshfield, Mattapoisett, Middleborough, Norwell, "
        "Pembroke, Plymouth, Plympton, Rochester, Rockland, Scituate, Wareham, West Bridgewater, Whitman, "
        "Acushnet, Attleboro, Berkley, Dartmouth, Dighton, Easton, Fairhaven, Fall River, Freetown, "
        "Mansfield, New Bedford, North Attleborough, Norton, Raynham, Rehoboth, Seekonk, Somerset, Swansea, "
        "Taunton, Westport, Barnstable, Bourne, Brewster, Chatham, Dennis, Eastham, Falmouth, Harwich, "
        "Mashpee, Orleans, Provincetown, Sandwich, Truro, Wellfleet, Yarmouth, Aquinnah, Chilmark, Edgartown, "
        "Gosnold, Oak Bluffs, Tisbury, West Tisbury, Nantucket"
    ),
}


def town_names(region_slug):
    return [name.strip() for name in TOWNS[region_slug].split(",") if name.strip()]


def normalise_town_name(name):
    """'  north  ADAMS, MA ' -> 'north adams': what a reader types, made comparable."""
    name = unicodedata.normalize("NFKC", name or "").casefold().replace("\x00", "")
    name = " ".join(name.replace("-", " ").replace(".", " ").split())
    for suffix in (" massachusetts", " mass", " ma"):
        if name.endswith(suffix) and name != suffix.strip():
            name = name[: -len(suffix)].rstrip(" ,")
    for prefix in ("town of ", "city of "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return name.strip(" ,")


def load_regions(region_model, town_model, locale_model, language_code):
    """Create the six regions (in the source language) and their towns, keeping any
    that exist. Used by the data migration, and by tests after a database flush."""
    locale, _created = locale_model.objects.get_or_create(language_code=language_code)
    for slug, name, description in REGIONS:
        region, _created = region_model.objects.get_or_create(
            slug=slug, locale=locale, defaults={"name": name, "description": description, "live": True}
        )
        for town in town_names(slug):
            town_model.objects.get_or_create(
                lookup_name=normalise_town_name(town), defaults={"name": town, "region": region}
            )
