"""Which hospitals offer a national treatment: their local pages, resolved in bulk."""

from django.conf import settings

from home.sites import SiteDirectory


def local_offers(translation_keys, language_code):
    """{translation_key: [(trust, local page)]}: one page per hospital, fixed query count.

    Each hospital's page in `language_code` is preferred, else its Bokmål page.
    """
    from treatments.models import TreatmentPage

    directory = SiteDirectory()
    pages = (
        TreatmentPage.objects.live()
        .public()
        .filter(treatment__translation_key__in=list(translation_keys))
        .select_related("locale", "treatment")
        .prefetch_related("locations")
    )
    wanted = {language_code, settings.LANGUAGE_CODE}
    chosen = {}
    for page in pages:
        trust = directory.trust_for(page)
        if trust is None or page.locale.language_code not in wanted:
            continue
        slot = (page.treatment.translation_key, trust.pk)
        if slot not in chosen or page.locale.language_code == language_code:
            chosen[slot] = (trust, page)
    offers = {key: [] for key in translation_keys}
    for (key, _trust_pk), offer in sorted(chosen.items(), key=lambda item: item[1][0].name):
        offers[key].append(offer)
    return offers
