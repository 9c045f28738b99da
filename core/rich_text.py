"""Named rich-text editors (WAGTAILADMIN_RICH_TEXT_EDITORS): which formatting each kind of text
allows, in one place. Fields and blocks choose one by name (`editor="intro"`).

Headings start at h2 (the page title is the only h1); text inside a box has no headings, the
box has its own; a journey stage sits under the stage's h2, so it starts at h3.
"""

DRAFTAIL = "wagtail.admin.rich_text.DraftailRichTextArea"


def _editor(*features):
    return {"WIDGET": DRAFTAIL, "OPTIONS": {"features": list(features)}}


EDITORS = {
    # Body text of content, news and department pages.
    "default": _editor("h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"),
    # Longer text in its own field: a research group's aims, a job's description.
    "article": _editor("h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"),
    # One stage of a patient's journey, and a treatment page's practical information.
    "stage": _editor("h3", "h4", "bold", "italic", "ol", "ul", "link"),
    # Inside a fact box, warning or accordion, and a location's parking and transport notes.
    "inline": _editor("bold", "italic", "ol", "ul", "link", "document-link"),
    # Introductions of home and index pages.
    "intro": _editor("bold", "italic", "link"),
    # The "contact a doctor" box of a national treatment.
    "warning": _editor("bold", "ul", "link"),
}
