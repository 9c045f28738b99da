"""The admin's JSON listings, confined to what the user may choose (docs/permissions.md).

Wagtail's admin API lists every image and document (less those in collections with a view
restriction the request does not pass: a login restriction passes for any admin user), and
wagtail-localize's snippet listing every snippet of any model. Here they list only what the
user could pick in a chooser: images and documents in collections they may choose, add or
change in (Wagtail's collection permissions), and snippets they may see.
"""

from django.core.exceptions import PermissionDenied
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.permissions import permission_policy as image_policy
from wagtail_localize.views.snippets_api import SnippetViewSet

CHOOSER_ACTIONS = ["choose", "add", "change"]
SNIPPET_ACTIONS = ["add", "change", "delete", "view"]


class ChoosableMixin:
    permission_policy = None

    def get_queryset(self):
        choosable = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, CHOOSER_ACTIONS
        )
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


class ChoosableImagesAPIViewSet(ChoosableMixin, ImagesAdminAPIViewSet):
    permission_policy = image_policy


class ChoosableDocumentsAPIViewSet(ChoosableMixin, DocumentsAdminAPIViewSet):
    permission_policy = document_policy


class VisibleSnippetsViewSet(SnippetViewSet):
    """wagtail-localize's snippet listing (its translation editor's chooser), per permission."""

    def get_queryset(self):
        model = self.get_model()
        policy = model.snippet_viewset.permission_policy
        if not policy.user_has_any_permission(self.request.user, SNIPPET_ACTIONS):
            raise PermissionDenied
        return policy.instances_user_has_any_permission_for(self.request.user, SNIPPET_ACTIONS)


def confine_admin_api(router):
    router.register_endpoint("images", ChoosableImagesAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)
