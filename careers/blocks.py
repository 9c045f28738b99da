"""StreamField blocks of the careers pages: contact persons and the dates of courses and events."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import ContactPersonBlock

WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


class ContactsBlock(blocks.StreamBlock):
    contact = ContactPersonBlock()


def _check_times(value):
    start, end = value.get("start_time"), value.get("end_time")
    if start and end and end <= start:
        raise blocks.StructBlockValidationError(
            block_errors={"end_time": ValidationError(_("The end must be after the start."))}
        )


class SingleDateBlock(blocks.StructBlock):
    """One day, with optional times; several of these make a multi-day course."""

    date = blocks.DateBlock(label=_("Date"))
    start_time = blocks.TimeBlock(label=_("Start time"), required=False)
    end_time = blocks.TimeBlock(label=_("End time"), required=False)

    class Meta:
        icon = "date"
        label = _("Date")

    def clean(self, value):
        value = super().clean(value)
        _check_times(value)
        return value


class WeeklyBlock(blocks.StructBlock):
    """Every week on one weekday between two dates, except the listed dates."""

    weekday = blocks.ChoiceBlock(label=_("Weekday"), choices=WEEKDAYS)
    first_date = blocks.DateBlock(label=_("From"))
    last_date = blocks.DateBlock(label=_("Until"))
    start_time = blocks.TimeBlock(label=_("Start time"), required=False)
    end_time = blocks.TimeBlock(label=_("End time"), required=False)
    exceptions = blocks.ListBlock(
        blocks.DateBlock(label=_("Date")), label=_("Except on"), default=[]
    )

    class Meta:
        icon = "repeat"
        label = _("Weekly")

    def clean(self, value):
        value = super().clean(value)
        if value["last_date"] < value["first_date"]:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "last_date": ValidationError(_("The last date must not be before the first."))
                }
            )
        _check_times(value)
        return value


class DatesBlock(blocks.StreamBlock):
    single = SingleDateBlock()
    weekly = WeeklyBlock()

    class Meta:
        min_num = 1
