"""Load the registry of regions and trusts from the project's own CSV files.

Used by a data migration (with historical models) and by ``load_demo``; idempotent.
"""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
NATIONAL = "national"


def read_csv(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def sync_registry(region_model, trust_model):
    """Create or update every region and trust; return (regions, trusts) counts."""
    regions = {}
    for row in read_csv("regions.csv"):
        region, _ = region_model.objects.update_or_create(
            slug=row["slug"],
            defaults={"name": row["name"], "sort_order": int(row["sort_order"])},
        )
        regions[region.slug] = region
    trusts = 0
    for row in read_csv("health_trusts.csv"):
        region_slug = row["region"]
        if region_slug != NATIONAL and region_slug not in regions:
            raise ValueError(f"Trust {row['slug']} names unknown region {region_slug!r}")
        trust_model.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "region": regions.get(region_slug),
                "kind": row["kind"],
                "public_domain": row["public_domain"],
            },
        )
        trusts += 1
    return len(regions), trusts
