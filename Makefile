# The only entry points. Each target is safe to run again.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The address readers use: every absolute link (canonical URLs, feeds, JSON-LD, e-mails, purges,
# the admin's address) names it. `make demo` and `make serve` give it to the Wagtail site
# (sync_site); behind a proxy, set it to the public address (https://www.exemple.fr).
GAZETTE_BASE_URL ?= http://$(HOST):$(PORT)
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
# make serve: one worker process per core, each running THREADS requests at once and taking
# at most BACKPRESSURE in hand; the rest wait in the listen backlog (a small machine queues
# instead of thrashing). Measured in bench/RESULTS.md; README « Mise en production ».
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
THREADS ?= 4
BACKPRESSURE ?= 64
# More granian options for make serve (bench/pages.py passes its --granian here).
GRANIAN_OPTIONS ?=
# make stack: granian's port behind nginx, and nginx's files (configuration, cache, logs).
APP_PORT ?= 8001
NGINX ?= /usr/sbin/nginx
STACK_DIR = $(abspath $(or $(GAZETTE_VAR_DIR),var))/nginx
# As root, nginx's workers would run as nobody, who cannot enter var/ (0700): they run as root.
NGINX_ARGS = -e stderr -p $(STACK_DIR)/ -c nginx.conf
NGINX_GLOBALS = $(if $(filter 0,$(shell id -u)),user root;)
# make serve logs each request, in blocks each second (GAZETTE_ACCESS_LOG,
# gazette/core/access_log.py); make stack turns it off: nginx logs them.
ACCESS_LOG ?= 1
PYTEST_ARGS ?=
# make test runs its two passes at the same time, each on TEST_WORKERS processes (pytest-xdist;
# a module stays on one worker: its build-once fixtures are built once). Worker N of the
# PostgreSQL pass uses the Redis database REDIS_TEST_DB − N.
TEST_WORKERS ?= 2
REDIS_TEST_DB ?= 15
PYTEST := $(VENV)/bin/pytest --durations=15
XDIST = $(if $(filter-out 0 1,$(TEST_WORKERS)),-n $(TEST_WORKERS) --dist loadfile)
SQLITE_ENV := env -u DATABASE_URL -u REDIS_URL
POSTGRES_ENV = DATABASE_URL=$(POSTGRES_URL) REDIS_URL=redis://127.0.0.1:6379/$(REDIS_TEST_DB)
# The peers bench/pages.py measures the uncached article against (run as root; Ghost's first
# install takes 4 to 14 minutes).
WORDPRESS_PEER ?= /work/shared/bench/wordpress-peer.sh
GHOST_PEER ?= /work/shared/bench/ghost-peer.sh

.PHONY: demo serve stack nginx backup restore test test-fast test-sqlite test-postgres lint format browser peers messages screenshots bench import-wordpress clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

GRANIAN = $(VENV)/bin/granian --interface wsgi gazette.wsgi:application --host $(HOST) --port $(PORT) \
	--workers $(WORKERS) --blocking-threads $(THREADS) --backpressure $(BACKPRESSURE) \
	--backlog 1024 --respawn-failed-workers --workers-kill-timeout 30 $(GRANIAN_OPTIONS)

demo serve stack: export GAZETTE_BASE_URL := $(GAZETTE_BASE_URL)

# The static files, collected again only when one of ours or an installed package changed:
# with nothing to do, collectstatic still hashed and compressed (gzip, brotli) every file,
# 8 to 25 s of each start of make serve.
STATIC_MANIFEST = $(abspath $(or $(GAZETTE_VAR_DIR),var))/static/staticfiles.json
STATIC_SOURCES := $(shell find gazette -path '*/static/*' -type f 2>/dev/null)
$(STATIC_MANIFEST): $(VENV)/.installed $(STATIC_SOURCES)
	$(MANAGE) collectstatic --no-input -v0

# granian, started in a session of its own (setsid), gets one signal to stop, from here: Ctrl-C
# gives the terminal's whole process group a SIGINT and granian's main process then stops its
# workers with a SIGTERM, and a worker given both at once may never stop (granian 2.8: it then
# waits out --workers-kill-timeout, or ends in a segmentation fault with its access log). A
# SIGINT or SIGTERM to make's process group is forwarded as one SIGTERM; the task worker stops
# with the server.
# The first server to end stops the others (make stack: nginx and granian).
ONE_SIGNAL = trap '[ -n "$$stopping" ] || { stopping=1; kill -TERM $$servers 2>/dev/null; }' INT TERM; \
	  trap 'kill $$worker 2>/dev/null' EXIT; \
	  wait -n $$servers; status=$$?; [ -n "$$stopping" ] || { stopping=1; kill -TERM $$servers 2>/dev/null; }; \
	  for pid in $$servers; do while kill -0 $$pid 2>/dev/null; do wait $$pid; done; done; \
	  exit $$status


# The production server, as make serve: no development server and its warning; it says only
# what goes wrong. load_demo makes the images at every size first, and the address is printed
# once granian listens: no reader waits.
demo: $(VENV)/.installed $(STATIC_MANIFEST)
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) sync_site
	$(MANAGE) load_demo
	@$(MANAGE) db_worker --interval 5 -v0 & worker=$$!; \
	  setsid $(GRANIAN) --log-level warning & servers=$$!; \
	  until (exec 3<>/dev/tcp/$(HOST)/$(PORT)) 2>/dev/null; do \
	    kill -0 $$servers 2>/dev/null || { kill $$worker; exit 1; }; sleep 0.2; \
	  done; \
	  echo "Gazette : $(GAZETTE_BASE_URL)/  (Ctrl-C pour arrêter)"; \
	  $(ONE_SIGNAL)

serve: $(VENV)/.installed $(STATIC_MANIFEST)
	$(MANAGE) check_migrations -v0
	$(MANAGE) sync_site
	@$(MANAGE) db_worker --interval 5 -v0 & worker=$$!; \
	  GAZETTE_ACCESS_LOG=$(ACCESS_LOG) setsid $(GRANIAN) & servers=$$!; \
	  $(ONE_SIGNAL)

# The production stack on one machine: nginx on HOST:PORT (deploy/nginx/, a one-second
# micro-cache and the access log) in front of make serve's granian on APP_PORT, which logs
# nothing itself. README « Mise en production »; bench/RESULTS.md for why nginx.
stack: $(VENV)/.installed nginx $(STATIC_MANIFEST)
	$(MANAGE) check_migrations -v0
	$(MANAGE) sync_site
	@mkdir -p $(STACK_DIR)/logs $(STACK_DIR)/temp
	@cp deploy/nginx/nginx.conf $(STACK_DIR)/nginx.conf
	@sed -e 's/127\.0\.0\.1:8000/$(HOST):$(PORT)/; s/127\.0\.0\.1:8001/$(HOST):$(APP_PORT)/' \
	  deploy/nginx/gazette.conf > $(STACK_DIR)/gazette.conf
	@$(NGINX) -q -t $(NGINX_ARGS) -g '$(NGINX_GLOBALS)'
	@$(MANAGE) db_worker --interval 5 -v0 & worker=$$!; \
	  GAZETTE_TRUSTED_PROXIES="$${GAZETTE_TRUSTED_PROXIES:-$(HOST)}" GAZETTE_ACCESS_LOG=0 setsid \
	    $(subst --port $(PORT),--port $(APP_PORT),$(GRANIAN)) & servers=$$!; \
	  until (exec 3<>/dev/tcp/$(HOST)/$(APP_PORT)) 2>/dev/null; do \
	    kill -0 $$servers 2>/dev/null || { kill $$worker; exit 1; }; sleep 0.2; \
	  done; \
	  setsid $(NGINX) $(NGINX_ARGS) -g 'daemon off; $(NGINX_GLOBALS)' & servers="$$servers $$!"; \
	  echo "Gazette : $(GAZETTE_BASE_URL)/  (nginx devant granian :$(APP_PORT) ; Ctrl-C pour arrêter)"; \
	  $(ONE_SIGNAL)

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

# Varnish with its xkey vmod (purges by surrogate key) for the integration test of
# deploy/varnish/gazette.vcl, nginx for the benchmarks.
peers:
	@{ command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ]; } && dpkg -s varnish-modules >/dev/null 2>&1 \
	  || { apt-get update -qq && apt-get install -y -qq varnish varnish-modules; }
	@$(MAKE) -s --no-print-directory nginx

# nginx, for make stack and the benchmarks (Debian's, installed if missing).
nginx:
	@[ -x $(NGINX) ] || { apt-get update -qq && apt-get install -y -qq nginx-light; }

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

# Each pass runs the browser tests (e2e/) in processes of their own, after the others: once
# Playwright's greenlets have run in a process, CPython 3.11 could no longer report a later
# failure there (« AST constructor recursion depth mismatch »), and the worker crashed.
# Every test on SQLite with the in-process cache.
test-sqlite: $(VENV)/.installed browser peers
	$(SQLITE_ENV) GAZETTE_VAR_DIR=$(CURDIR)/var/test-sqlite $(PYTEST) $(XDIST) '--ignore-glob=e2e/*' $(PYTEST_ARGS)
	$(SQLITE_ENV) GAZETTE_VAR_DIR=$(CURDIR)/var/test-sqlite $(PYTEST) $(XDIST) e2e $(PYTEST_ARGS)

# Every test that uses the database, on PostgreSQL with Redis (the others ran on SQLite). The
# browser tests first: make test runs this pass beside the SQLite one, whose browser tests come
# last, so that the two passes' browsers (which wait more than they compute) never run
# together, and the end of make test is computing on both cores.
test-postgres: $(VENV)/.installed browser peers
	$(POSTGRES_ENV) GAZETTE_VAR_DIR=$(CURDIR)/var/test-postgres $(PYTEST) $(XDIST) --database-tests-only \
	  e2e $(PYTEST_ARGS)
	$(POSTGRES_ENV) GAZETTE_VAR_DIR=$(CURDIR)/var/test-postgres $(PYTEST) $(XDIST) --database-tests-only \
	  '--ignore-glob=e2e/*' $(PYTEST_ARGS)

# The edit-test loop: in-process tests on SQLite, no server, process or browser.
test-fast: $(VENV)/.installed
	$(SQLITE_ENV) $(PYTEST) -n 2 --dist loadfile -m "not system and not browser" $(PYTEST_ARGS)

# Both passes at once, each printed when it ends; then the time taken and the totals, read
# from each pass's summary line (its last line is make's own when the pass fails).
test: lint browser peers
	@start=$$(date +%s); mkdir -p var; \
	  $(MAKE) -s test-sqlite > var/test-sqlite.log 2>&1 & sqlite=$$!; \
	  $(MAKE) -s test-postgres > var/test-postgres.log 2>&1 & postgres=$$!; \
	  wait $$sqlite; sqlite=$$?; wait $$postgres; postgres=$$?; \
	  echo "===== SQLite ====="; cat var/test-sqlite.log; \
	  echo "===== PostgreSQL + Redis ====="; cat var/test-postgres.log; \
	  echo "make test : $$(( $$(date +%s) - start )) s, processeur (utilisateur, système) :"; times; \
	  count() { grep -hE '^=+ .* in [0-9.]+s' var/test-sqlite.log var/test-postgres.log \
	    | grep -oE "[0-9]+ $$1" | awk '{n += $$1} END {print n + 0}'; }; \
	  echo "total: $$(count passed) passed, $$(( $$(count failed) + $$(count error) )) failed, $$(count skipped) skipped"; \
	  exit $$(( sqlite || postgres ))

# The guide's screenshots (docs/guide-redaction.md) remade in docs/images; the browser tests
# otherwise write theirs in a temporary folder.
screenshots: $(VENV)/.installed browser
	GAZETTE_DOC_SCREENSHOTS=1 $(SQLITE_ENV) GAZETTE_VAR_DIR=$(CURDIR)/var/test-sqlite $(PYTEST) -n 0 \
	  e2e/test_newsroom.py e2e/test_newsroom_speed.py e2e/test_phone.py

bench: $(VENV)/.installed peers
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(PY) bench/beacon.py
	@curl -sf -o /dev/null http://127.0.0.1:8080/ || $(WORDPRESS_PEER)
	@curl -sf -o /dev/null http://127.0.0.1:2368/ || $(GHOST_PEER)
	$(PY) bench/pages.py
	$(PY) bench/wxr_import.py --postgres

clean:
	rm -rf $(VENV) var
