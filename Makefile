PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run run-cached serve-cached multinode bench bench-pages bench-explorer bench-search install migrate demo serve test test-future test-postgres lint format clean messages

# One command: install, migrate, load demo data (idempotent) and serve on port 8000.
run: install migrate demo serve

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

demo: install
	$(PY) manage.py load_demo

serve: install
	@echo "Portal: http://localhost:8000/  Hospitals: http://helse-bergen.localhost:8000/ etc.  Admin: http://localhost:8000/admin/"
	$(PY) manage.py runserver 0.0.0.0:8000

# The production-like stack: gunicorn (production settings, plain http on localhost) behind
# Varnish with deploy/varnish/fnsp.vcl on port 8000 (docs/caching.md). Needs varnish and
# varnish-modules (apt).
run-cached: install migrate demo serve-cached

serve-cached: install
	$(PY) scripts/varnish.py serve

# Requests/s and latency of the main pages, straight to gunicorn and through Varnish, against a
# bare-Django reference, with their query counts (docs/caching.md#benchmark). Needs wrk (apt).
bench-pages: install migrate demo
	$(PY) scripts/bench.py

# Two app servers sharing one PostgreSQL (a throwaway cluster), Redis, S3 server and Varnish,
# and a 60 s load run against the pair at 32 connections, its figures printed
# (docs/deployment.md#scaling-out; the suite runs it for 20 s under `make test-postgres`).
multinode: install
	FNSP_MULTINODE_SECONDS=60 PYTHON=$(PY) scripts/test-postgres.sh -p no:cacheprovider -s tests/ops/test_multinode.py

# Style, and the architecture: import-linter's contracts in pyproject.toml (layers, no circles).
lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The whole suite on SQLite, with lint and the migrations check.
test: lint
	DJANGO_SETTINGS_MODULE=fnsp_site.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

# The modules that read today's date (trials' status, job deadlines and event dates, share expiry,
# the open-data collections of these, the demo's dates) run again on the last day of 2030: a test
# with a date fixed near today fails here first. About 2 minutes; see docs/architecture.md.
FUTURE_CLOCK ?= 2030-12-31
FUTURE_TESTS := tests/trials tests/api tests/careers tests/sharing tests/demo
test-future: install
	FNSP_TEST_CLOCK=$(FUTURE_CLOCK) $(PY) -m pytest $(FUTURE_TESTS)

# The same suite on a throwaway PostgreSQL cluster (or DATABASE_URL when set).
test-postgres: install
	PYTHON=$(PY) scripts/test-postgres.sh

# Speed at national scale, never in timed tests: the page explorer and dashboard at 55 sites ×
# 1,000 pages on a throwaway SQLite database (a few minutes; docs/permissions.md).
bench-explorer: install
	$(PY) bench/explorer.py

# Portal search at the same scale, every page indexed: median ms per search, target under
# 150 ms (docs/search.md#speed-at-scale).
bench-search: install
	$(PY) bench/portal_search.py

# The benchmarks, one after the other.
bench: bench-pages bench-explorer bench-search

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .test-media

# Update each app's message catalogues (needs GNU gettext) and compile them, and compile
# fnsp_site/locale (docs/sites.md#the-admins-language).
messages: install
	for app in core home treatments trials research careers search sharing identity quality; do \
		if [ -d $$app/locale ]; then \
			(cd $$app && DJANGO_SETTINGS_MODULE=fnsp_site.settings.dev PYTHONPATH=.. ../$(VENV)/bin/django-admin makemessages -l nb -l nn -l se && ../$(VENV)/bin/django-admin compilemessages); \
		fi; \
	done
	# The hand-kept overrides of Wagtail's catalogues are compiled, never extracted into.
	cd fnsp_site && ../$(VENV)/bin/django-admin compilemessages
