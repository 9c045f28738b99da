"""Demo data for the portal and every health-trust site, built by `manage.py load_demo`.

The steps run in the order of `demo.steps.STEPS`; the texts and tables they build from are in
`demo.data`. Nothing below this package imports it.
"""
