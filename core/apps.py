from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app shares and no content type owns: the registry of regions and trusts,
    each site's settings and chrome, the site directory, shared blocks and page bases."""

    name = "core"
    verbose_name = _("Sites and registry")

    def ready(self):
        from core import page_permissions
        from core.caching import connect_purges
        from core.chrome import connect_chrome_version
        from core.logging import connect_request_context
        from core.sessions import connect_login_time

        page_permissions.install()
        connect_purges()
        connect_chrome_version()
        connect_login_time()
        connect_request_context()
