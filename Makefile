# The only entry points. Each target is safe to run again.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
# make serve: one worker process per core, each running THREADS requests at once and taking
# at most BACKPRESSURE in hand; the rest wait in the listen backlog (a small machine queues
# instead of thrashing). Measured in bench/RESULTS.md; README « Mise en production ».
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
THREADS ?= 4
BACKPRESSURE ?= 64
PYTEST_ARGS ?=
# The peer bench/pages.py measures the uncached article against (run as root).
WORDPRESS_PEER ?= /work/shared/bench/wordpress-peer.sh

.PHONY: demo serve backup restore test test-sqlite test-postgres lint format browser peers messages bench import-wordpress clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) collectstatic --no-input -v0
	$(MANAGE) load_demo
	@echo "Gazette : http://$(HOST):$(PORT)/  (Ctrl-C pour arrêter)"
	@trap 'kill 0' EXIT INT TERM; \
	  $(MANAGE) db_worker --interval 5 -v0 & \
	  $(MANAGE) runserver --noreload $(HOST):$(PORT)

serve: $(VENV)/.installed
	$(MANAGE) check_migrations -v0
	$(MANAGE) collectstatic --no-input -v0
	@trap 'kill 0' EXIT INT TERM; \
	  $(MANAGE) db_worker --interval 5 -v0 & \
	  $(VENV)/bin/granian --interface wsgi gazette.wsgi:application --host $(HOST) --port $(PORT) \
	    --workers $(WORKERS) --blocking-threads $(THREADS) --backpressure $(BACKPRESSURE) \
	    --backlog 1024 --respawn-failed-workers --workers-kill-timeout 30 --access-log

# make import-wordpress FILE=export.xml [UPLOADS=dossier | MEDIA_BASE_URL=adresse] [USERS=1] [DRY_RUN=1]
import-wordpress: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "Indiquez l'export : make import-wordpress FILE=export.xml"; exit 1; }
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) import_wordpress "$(FILE)" $(if $(UPLOADS),--uploads "$(UPLOADS)") \
	  $(if $(MEDIA_BASE_URL),--media-base-url "$(MEDIA_BASE_URL)") $(if $(USERS),--users) \
	  $(if $(DRY_RUN),--dry-run)

backup: $(VENV)/.installed
	$(MANAGE) backup

restore: $(VENV)/.installed
	@test -n "$(ARCHIVE)" || { echo "Usage : make restore ARCHIVE=var/backups/gazette-….tar"; exit 1; }
	$(MANAGE) restore "$(ARCHIVE)"

# Debian's Chromium for the browser tests; Playwright cannot download its own here.
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

# Varnish for the integration test of deploy/varnish/gazette.vcl, nginx for the benchmarks.
peers:
	@command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ] || { apt-get update -qq && apt-get install -y -qq varnish; }
	@[ -x /usr/sbin/nginx ] || { apt-get update -qq && apt-get install -y -qq nginx-light; }

lint: $(VENV)/.installed
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(MANAGE) makemigrations --check --dry-run -v0

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(VENV)/.installed
	cd gazette && ../$(PY) ../manage.py makemessages -l fr --no-obsolete --add-location=file
	cd gazette && ../$(PY) ../manage.py compilemessages -l fr

test-sqlite: $(VENV)/.installed browser peers
	env -u DATABASE_URL -u REDIS_URL $(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres: $(VENV)/.installed browser peers
	DATABASE_URL=$(POSTGRES_URL) REDIS_URL=redis://127.0.0.1:6379/15 $(VENV)/bin/pytest $(PYTEST_ARGS)

test: lint test-sqlite test-postgres

bench: $(VENV)/.installed peers
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(PY) bench/beacon.py
	@curl -sf -o /dev/null http://127.0.0.1:8080/ || $(WORDPRESS_PEER)
	$(PY) bench/pages.py

clean:
	rm -rf $(VENV) var
