"""Abstract page types every app builds on: any public page, a site's root, a site's section."""

from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from core.text import folded_words

# Annotation that, where set, replaces the draft title the admin shows.
SHOWN_TITLE = "shown_title"


class BasePage(Page):
    """Common behaviour of every public page type."""

    # Content pages show "Sist oppdatert"; home and listing pages do not.
    show_last_updated = False
    # The title again without diacritics, so "ostfold" finds "Østfold" (see core.text.fold).
    search_fields = Page.search_fields + [
        index.SearchField("folded_title", boost=2),
        index.AutocompleteField("folded_title"),
    ]

    def folded_title(self):
        return folded_words(self.title)

    def get_admin_display_title(self):
        # Querysets showing an editor other sites' pages annotate the live title for those,
        # so a draft title change stays with its own site (home/confinement.py).
        return getattr(self, SHOWN_TITLE, None) or super().get_admin_display_title()

    class Meta:
        abstract = True


class SiteRootPage(BasePage):
    """The root page of one site (depth 2): the national portal or a hospital's home page."""

    intro = RichTextField(_("introduction"), blank=True, editor="intro")

    # The portal's sections show every site's content (see SectionIndexPage.is_national).
    is_portal = False
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True


class SectionIndexPage(RoutablePageMixin, BasePage):
    """A site's section, such as /behandlinger/ or /kliniske-studier/: one per site root.

    Under a hospital's home page it lists that hospital's pages; under the portal it is
    national and lists every site's. A section may add routes (`@path`) for pages it shows
    without owning them; its own child pages are found first.
    """

    intro = RichTextField(_("introduction"), blank=True, editor="intro")

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @classmethod
    def clean_parent_page_models(cls):
        # Any site root: the portal and the hospitals' home pages, whichever app defines them.
        if cls._clean_parent_page_models is None and "parent_page_types" not in cls.__dict__:
            cls._clean_parent_page_models = [
                model for model in get_page_models() if issubclass(model, SiteRootPage)
            ]
        return super().clean_parent_page_models()

    @cached_property
    def is_national(self):
        """Whether this is the portal's section, showing every site's content.

        The parent is a site root, which Wagtail's routing has usually loaded already."""
        return getattr(self.get_parent().specific_class, "is_portal", False)

    def route(self, request, path_components):
        # Child pages win over the section's own routes, which may take any slug.
        child = path_components and self.child_by_slug(path_components[0])
        if child:
            try:
                return child.route(request, path_components[1:])
            except Http404:
                pass
        return super().route(request, path_components)

    def child_by_slug(self, slug):
        """The child page, specific; in one query when the section allows one page type (as
        Wagtail's routing would, finding the page and then its specific row)."""
        if self.is_leaf():  # as treebeard's get_children: no query
            return None
        models = self.specific_class.allowed_subpage_models()
        # The locale comes along: every page shows its language.
        if len(models) == 1:
            children = models[0].objects.child_of(self).select_related("locale")
        else:
            children = self.get_children().select_related("locale").specific()
        child = children.filter(slug=slug).first()
        if child is not None:
            child._cached_parent_obj = self
        return child
