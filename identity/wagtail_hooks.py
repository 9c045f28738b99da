from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.snippets.models import register_snippet

from core.viewsets import SnippetViewSet
from identity.models import GroupClaimMapping


class SuperuserOnlyPolicy(BasePermissionPolicy):
    """Whoever edits the mapping decides who gets which rights: administrators only, and no
    permission given to a group can widen that."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class GroupClaimMappingViewSet(SnippetViewSet):
    model = GroupClaimMapping
    icon = "group"
    menu_label = _("Single sign-on groups")
    add_to_settings_menu = True
    list_display = ["claim_value", Column("group", label=_("group"), accessor="group")]
    search_fields = ["claim_value"]
    ordering = ["claim_value"]

    @property
    def permission_policy(self):
        return SuperuserOnlyPolicy(self.model)


register_snippet(GroupClaimMappingViewSet)


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    if not request.user.has_usable_password():
        return None  # single sign-on: the identity provider asks for the second factor
    return {
        "url": reverse("identity_enrol"),
        "label": _("Set up two-step verification"),
        "help_text": _(
            "A code from an authenticator app after your password. Required for "
            "administrators and national editors."
        ),
    }
