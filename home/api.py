"""Open data: the registry of hospitals (sites) on the platform."""

from django.db.models import Max
from ninja import Router, Schema
from ninja.pagination import paginate

from core.api import LinkedPages, RegionOut, Rows, hospital_ref, set_last_modified
from core.models import HealthTrust

router = Router(tags=["hospitals"])


class HospitalOut(Schema):
    slug: str
    name: str
    kind: str
    region: RegionOut | None
    base_url: str
    public_domain: str | None


def hospital_json(trust):
    return {
        **hospital_ref(trust),
        "kind": trust.kind,
        "base_url": trust.site.root_url + "/",
        "public_domain": trust.public_domain or None,
    }


@router.get("/hospitals", response=list[HospitalOut], summary="Every hospital site on the platform")
@paginate(LinkedPages)
def hospitals(request):
    """Health trusts, private non-profit hospitals and regional health authorities with a site."""
    trusts = HealthTrust.objects.with_site().select_related("region", "site")
    set_last_modified(
        request, trusts.aggregate(last=Max("site__root_page__last_published_at"))["last"]
    )
    rows = trusts.order_by("slug")
    return Rows(rows, lambda page: [hospital_json(trust) for trust in page])
