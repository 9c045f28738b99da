from wagtail import hooks

from trials.related import related_trials_panel

hooks.register("fnsp_treatment_related", related_trials_panel)
