from wagtail import hooks

from trials.demo import load_trials_demo
from trials.related import related_trials_panel

hooks.register("fnsp_treatment_related", related_trials_panel)
hooks.register("fnsp_load_demo", load_trials_demo, order=20)
