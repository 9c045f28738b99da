"""Abstract page types every app builds on: any public page, a site's root, a site's section."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PageViewRestriction, get_page_models
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.text import folded_words

# A hint is checked on every use, so it may live long (BasePage.child_by_slug).
CHILD_HINT_SECONDS = 24 * 60 * 60
# Annotation that, where set, replaces the draft title the admin shows.
SHOWN_TITLE = "shown_title"


def view_restricted(prefix=""):
    """Whether a view restriction covers the outer query's page (`prefix` to reach it through a
    relation): on the page or an ancestor. A subquery, so no query of its own."""
    outer_path = ExpressionWrapper(OuterRef(f"{prefix}path"), output_field=CharField())
    return Exists(
        PageViewRestriction.objects.alias(outer_path=outer_path).filter(
            outer_path__startswith=F("page__path")
        )
    )


class BasePageQuerySet(PageQuerySet):
    def private_q(self):
        # Wagtail's reads every restriction first (a query per `public()`); the same test as a
        # subquery.
        return Q(view_restricted())


class BasePage(Page):
    """Common behaviour of every public page type."""

    objects = PageManager.from_queryset(BasePageQuerySet)()

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

    def child_by_slug(self, slug):
        """The child page, specific, with its locale, in one query (Wagtail's routing takes a
        query for the page, another for its specific row and a third for its locale).

        Where several child page types are allowed, the child's id and type are remembered in
        the cache as a hint: the page is then read from its own type's table by id, and used
        only if it is still this page's child with this slug (else looked up as the first
        time, in two queries), so a hint can be out of date but never wrong. One query on
        the known table costs less than one joining every allowed type's table."""
        if self.is_leaf():  # as treebeard's get_children: no query
            return None
        models = self.specific_class.allowed_subpage_models()
        # The locale comes along: every page shows its language.
        if len(models) == 1:
            child = models[0].objects.child_of(self).filter(slug=slug)
            child = child.select_related("locale").first()
        else:
            key = f"fnsp-child:{self.pk}:{slug}"
            child = self._hinted_child(slug, cache.get(key))
            if child is None:
                child = (
                    self.get_children()
                    .specific()
                    .select_related("locale", for_specific_subqueries=True)
                    .filter(slug=slug)
                    .first()
                )
                if child is not None:
                    cache.set(key, (child.pk, child.content_type_id), CHILD_HINT_SECONDS)
        if child is not None:
            child._cached_parent_obj = self
        return child

    def _hinted_child(self, slug, hint):
        if hint is None:
            return None
        pk, content_type_id = hint
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            return None
        child = model.objects.filter(pk=pk).select_related("locale").first()
        if child and child.slug == slug and child.is_child_of(self):
            return child
        return None

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors, an alias's on its original's, as
        Wagtail finds them, in one query instead of two (every page view asks); none and no
        query where routing found that none applies (`core.routing.mark_unrestricted`)."""
        if self.__dict__.get("_fnsp_unrestricted"):
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        pages = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=pages.filter(alias_of__isnull=True))
            | Q(page__in=pages.filter(alias_of__isnull=False).values("alias_of"))
        )

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

    def route(self, request, path_components):
        # Wagtail's, with the child found by `child_by_slug`.
        if path_components:
            child = self.child_by_slug(path_components[0])
            if child is None:
                raise Http404
            return child.route(request, path_components[1:])
        return super().route(request, path_components)


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
