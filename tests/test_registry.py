import csv

import pytest

from core.models import HealthTrust, Region
from core.registry import DATA_DIR, sync_registry

pytestmark = pytest.mark.django_db


def test_registry_holds_every_region_and_trust_of_the_projects_csv():
    with open(DATA_DIR / "health_trusts.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 45
    assert list(Region.objects.values_list("slug", flat=True)) == [
        "helse-sor-ost",
        "helse-vest",
        "helse-midt-norge",
        "helse-nord",
    ]
    assert HealthTrust.objects.count() == len(rows)
    bergen = HealthTrust.objects.get(slug="helse-bergen")
    assert (bergen.name, bergen.region.slug, bergen.kind) == (
        "Helse Bergen HF",
        "helse-vest",
        HealthTrust.Kind.TRUST,
    )
    # National support companies belong to no region.
    assert HealthTrust.objects.get(slug="sykehusinnkjop").region is None


def test_sync_registry_is_idempotent():
    before = list(HealthTrust.objects.values_list("pk", "slug", "region_id"))
    assert sync_registry(Region, HealthTrust) == (4, 45)
    assert list(HealthTrust.objects.values_list("pk", "slug", "region_id")) == before
