"""The NVA import out of any request: `manage.py import_nva --enqueue`, run daily by the
scheduler (docs/research.md#nva-import), queues it for the task worker."""

import logging

from django_tasks import task

from research.nva import import_all

logger = logging.getLogger(__name__)


@task()
def refresh_nva():
    report = import_all()
    for error in report.errors:
        logger.warning("NVA import: %s", error)
    return {"groups": report.groups, "projects": report.projects, "errors": len(report.errors)}
