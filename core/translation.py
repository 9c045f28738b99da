"""Translating is editing: wagtail-localize's own views ask only for the model-wide
`submit_translation` right, which every site's editors hold, so these subclasses also ask for
the right to change the object translated. A Bergen editor translates Bergen's pages and
snippets, never St. Olavs' pages nor the national treatments (which they may only view).

`core.wagtail_hooks` serves them at wagtail-localize's own URLs, placed before its routes.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from wagtail.models import Page
from wagtail_localize.views import submit_translations, update_translations


def user_can_change(user, obj):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    return type(obj).snippet_viewset.permission_policy.user_has_permission_for_instance(
        user, "change", obj
    )


class ChangeRightMixin:
    """Refuse unless the user may change the object translated (`source`)."""

    def get_object(self):
        obj = super().get_object()
        if not user_can_change(self.request.user, self.source(obj)):
            raise PermissionDenied
        return obj

    def source(self, obj):
        return obj


class SubmitPageTranslationView(ChangeRightMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(
    ChangeRightMixin, submit_translations.SubmitSnippetTranslationView
):
    pass


class UpdateTranslationsView(ChangeRightMixin, update_translations.UpdateTranslationsView):
    def source(self, obj):
        return obj.get_source_instance()


def admin_urls():
    return [
        path("localize/submit/page/<int:page_id>/", SubmitPageTranslationView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
        ),
        path("localize/update/<int:translation_source_id>/", UpdateTranslationsView.as_view()),
    ]


def hide_refused_translate_button(buttons, snippet, user):
    """wagtail-localize offers "Translate" on every translatable snippet; keep it only where
    the view above would not refuse."""
    if user_can_change(user, snippet):
        return
    prefix = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[snippet._meta.app_label, snippet._meta.model_name, "0"],
    ).removesuffix("0/")
    buttons[:] = [button for button in buttons if not (button.url or "").startswith(prefix)]
