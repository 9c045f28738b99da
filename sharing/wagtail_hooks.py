from wagtail import hooks

SHARE_PERMISSIONS = ["sharing.add_share", "sharing.view_share"]


@hooks.register("fnsp_site_editor_permissions")
def site_editor_share_permissions():
    # Editors work in hospitals too: every editor group may share pages with patients.
    return SHARE_PERMISSIONS


@hooks.register("fnsp_national_editor_permissions")
def national_editor_share_permissions():
    return SHARE_PERMISSIONS


@hooks.register("fnsp_slot_page_actions")
def share_action_slot(context):
    # The «Del med pasient» action; the template decides whether this page and user get it.
    return "sharing/includes/share_action.html"
