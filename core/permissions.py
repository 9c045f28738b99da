"""Rights on objects that belong to one site, or to the nation (a null `site`).

Wagtail's `SitePermissionPolicy` lets a model-wide permission cover every site's objects.
Here it covers the *national* objects only: a site's object is changed through that site's
`GroupSitePermission` rows (granted by `home.groups.sync_site_groups`), so the national
editorial board keeps the national researchers and each site's editors keep their own, and
nobody edits another site's (superusers excepted).
"""

from django.db.models import Q
from wagtail.models import Site
from wagtail.permission_policies.sites import SitePermissionPolicy


class SiteOwnedPermissionPolicy(SitePermissionPolicy):
    def _site_codenames_match(self, user, actions, site_id):
        codenames = self._get_permission_codenames(actions)
        return any(
            row.permission.content_type_id == self._content_type.pk
            and row.permission.codename in codenames
            and row.site_id == site_id
            for row in self.get_cached_permissions_for_user(user)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return True
        site_id = (
            instance.pk
            if isinstance(instance, Site)
            else getattr(instance, self.site_fk_field_name)
        )
        if site_id is None:
            return self._user_has_global_permission(user, actions)
        return self._site_codenames_match(user, actions, site_id)

    def sites_user_has_any_permission_for(self, user, actions):
        """The sites whose objects the user may act on (a model-wide right gives none)."""
        if not (user.is_authenticated and user.is_active):
            return Site.objects.none()
        if user.is_superuser:
            return Site.objects.all()
        return Site.objects.filter(
            group_permissions__permission__in=self._get_permission_objects_for_actions(actions),
            group_permissions__group__in=user.groups.all(),
        ).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        objects = self.model._default_manager.all()
        if not (user.is_authenticated and user.is_active):
            return objects.none()
        if user.is_superuser:
            return objects
        owned = Q(
            **{f"{self.site_field_name}__in": self.sites_user_has_any_permission_for(user, actions)}
        )
        if self._user_has_global_permission(user, actions):
            owned |= Q(**{f"{self.site_field_name}__isnull": True})
        return objects.filter(owned)
