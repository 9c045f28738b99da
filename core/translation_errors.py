"""wagtail-localize's translation editor, telling the translator why a publish was refused.

When publishing a translation fails validation, wagtail-localize attaches each error to the
translated string of its field, if there is one, and otherwise drops it: the editor then
shows only "New validation errors were found", and a refusal on a synchronised field (a local
treatment page's national treatment that is no longer published) cannot be understood
(wagtail-localize issue #196, open). Here the same view runs with the refused messages added.

A snippet translation is saved before it is validated, so a refusal the database makes first
(an English slug another treatment already has) was a server error: it is validated here and
refused the same way.
"""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import IntegrityError
from django.utils.text import capfirst
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation


def refusal_messages(error, model):
    """Each message of a `ValidationError`, prefixed with the label of its field."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    shown = []
    for name, field_messages in error.message_dict.items():
        try:
            label = capfirst(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            label = None
        prefix = f"{label}: " if label and name != NON_FIELD_ERRORS else ""
        shown.extend(f"{prefix}{message}" for message in field_messages)
    return shown


def validation_error(translation):
    """What validating the translation as it would be saved refuses, or None."""
    translated = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    try:
        translated.full_clean()
    except ValidationError as error:
        return error
    return None


def edit_translation_telling_errors(request, instance):
    """wagtail-localize's editor of a translation being published, with its refusals shown;
    None for every other request, which wagtail-localize's own hook then answers."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if getattr(instance, "alias_of_id", None):
        return None  # an alias has its own view in wagtail-localize
    translation = Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    ).first()
    if translation is None:
        return None
    save_target = translation.save_target

    def tell(error):
        for message in refusal_messages(error, type(instance)):
            messages.error(request, message)

    def save_target_telling_errors(*args, **kwargs):
        try:
            return save_target(*args, **kwargs)
        except ValidationError as error:
            tell(error)
            raise  # wagtail-localize's view says the publish failed and shows the editor
        except IntegrityError:
            error = validation_error(translation)
            if error is None:
                raise
            tell(error)
            raise error from None

    # The view catches the error it raises; this one object reports it on its way out.
    translation.save_target = save_target_telling_errors
    return edit_translation.edit_translation(request, translation, instance)
