"""Open data: the registry of hospitals (sites) on the platform."""

from django.db.models import Max
from ninja import Router, Schema

from fnsp_site.api_common import Page, page_links, paging, set_last_modified
from home.models import HealthTrust

router = Router(tags=["hospitals"])


class RegionOut(Schema):
    slug: str
    name: str


class HospitalOut(Schema):
    slug: str
    name: str
    kind: str
    region: RegionOut | None
    base_url: str
    public_domain: str | None


class HospitalPage(Page):
    results: list[HospitalOut]


def hospital_json(trust):
    return {
        "slug": trust.slug,
        "name": trust.name,
        "kind": trust.kind,
        "region": {"slug": trust.region.slug, "name": trust.region.name} if trust.region else None,
        "base_url": trust.site.root_url + "/",
        "public_domain": trust.public_domain or None,
    }


@router.get("/hospitals", response=HospitalPage, summary="Every hospital site on the platform")
def hospitals(request):
    """Health trusts, private non-profit hospitals and regional health authorities with a site."""
    limit, offset = paging(request)
    trusts = HealthTrust.objects.filter(site__isnull=False).select_related("region", "site")
    set_last_modified(
        request, trusts.aggregate(last=Max("site__root_page__last_published_at"))["last"]
    )
    count = trusts.count()
    rows = [hospital_json(t) for t in trusts.order_by("slug")[offset : offset + limit]]
    return {**page_links(request, count, limit, offset), "results": rows}
