from django import template

from sharing.pages import is_shareable_type

register = template.Library()


@register.inclusion_tag("sharing/includes/share_action_link.html", takes_context=True)
def share_action(context):
    """The «Del med pasient» action on a shareable page, for staff allowed to share.

    Not on a share itself, nor in the admin's preview of a page.
    """
    page = context.get("page")
    request = context.get("request")
    show = (
        request is not None
        and not getattr(request, "is_preview", False)
        and "share" not in context
        and is_shareable_type(page)
        and getattr(page, "pk", None) is not None
        and request.user.has_perm("sharing.add_share")
    )
    return {"page": page if show else None}
