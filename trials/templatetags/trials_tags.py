from django import template

register = template.Library()


@register.filter
def count_for(counts, value):
    """The facet count of one filter value (0 when absent)."""
    return (counts or {}).get(value, 0)
