"""The demo's steps, in the order they run: each finds what the steps before it made."""

from demo import accounts, careers, editorial, research, search, sites, treatments, trials
from demo.build import DemoReport

STEPS = [
    sites.load_registry,
    sites.load_portal,
    # Each site with its own pages and, on the hospitals in CONTENT_SITES, its locations,
    # departments and news, which the treatment pages' contact cards point at.
    sites.load_hospitals,
    # Before treatments and trials: each puts its section in the site's menu at a fixed
    # position, and this order gives the menus the demo has always had.
    careers.load_careers,
    treatments.load_treatments,
    # Trials link national treatments; research groups link trials.
    trials.load_trials,
    research.load_research,
    research.load_nva,
    # A site promotion points at a patient page.
    search.load_search,
    # Findings for the editorial-quality reports, on pages the steps above made.
    editorial.load_editorial_findings,
    # Last: editor groups cover every site and its translations.
    accounts.sync_editor_groups,
    accounts.ensure_admin,
    accounts.ensure_role_accounts,
    accounts.ensure_group_editor_account,
]


def load_demo(stdout=print):
    """Build the demo; return a DemoReport of what was created. Safe to run again."""
    report = DemoReport()
    for step in STEPS:
        step(report, stdout)
    return report
