"""How every step builds: find an object by its stable key, create it through the app's
factory only when missing, and count what was created. A second run therefore creates nothing.
"""

from dataclasses import dataclass, field

from wagtail.signal_handlers import disable_reference_index_auto_update


@dataclass
class DemoReport:
    created: dict = field(default_factory=dict)

    def count(self, what):
        self.created[what] = self.created.get(what, 0) + 1

    def summary(self):
        if not self.created:
            return "nothing new (demo data was already complete)"
        return ", ".join(f"{n} {what}" for what, n in sorted(self.created.items()))


def rich(text):
    """Rich text of plain paragraphs, separated by blank lines."""
    return "".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n"))


def ensure_child(factory, parent, slug, report, **fields):
    """The child page of `factory`'s type with this slug; made and published when missing."""
    return Children(factory, parent, report, slugs=[slug]).ensure(slug, **fields)


class Children:
    """The child pages of `factory`'s type below one parent, found with one query; `ensure`
    makes and publishes the missing ones. For loops over many siblings."""

    def __init__(self, factory, parent, report, slugs=None):
        self.factory, self.parent, self.report = factory, parent, report
        pages = factory._meta.get_model_class().objects.child_of(parent)
        if slugs is not None:
            pages = pages.filter(slug__in=slugs)
        self.existing = {page.slug: page for page in pages}

    def ensure(self, slug, **fields):
        page = self.existing.get(slug)
        if page is None:
            page = self.existing[slug] = create_child(
                self.factory, self.parent, slug=slug, **fields
            )
            self.report.count("pages")
        return page


def create_child(factory, parent, **fields):
    """A new child page made by `factory` and published, as an editor would publish it."""
    # Publishing saves the page once more and indexes its references then: indexing them on
    # the two saves before it is wasted. The page was validated by the save that created it.
    with disable_reference_index_auto_update():
        page = factory(parent=parent, **fields)
        revision = page.save_revision(clean=False)
    revision.publish()
    return page


def ensure_translation(page, locale, report, **fields):
    """The page's translation into `locale`, copied, changed by `fields` and published."""
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    with disable_reference_index_auto_update():
        translated = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translated, name, value)
        revision = translated.save_revision()
    revision.publish()
    report.count("translated pages")
    return translated
