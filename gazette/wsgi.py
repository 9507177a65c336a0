import os

from gazette.core.worker_start import stop_at_once_while_loading

stop_at_once_while_loading()  # before the seconds of loading below (gazette/core/worker_start.py)

from django.core.wsgi import get_wsgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")
application = get_wsgi_application()

# Imported once Django is set up: the beacon's view reads models (gazette/audience/wsgi.py).
from gazette.audience.wsgi import with_beacon_first  # noqa: E402
from gazette.core.page_cache import with_page_cache  # noqa: E402

# A beacon first (never cached), then the page cache, then Django for the rest.
application = with_beacon_first(with_page_cache(application))

from django.conf import settings  # noqa: E402

if settings.GAZETTE_ACCESS_LOG:  # make serve's, in blocks (gazette/core/access_log.py)
    from gazette.core.access_log import with_access_log

    application = with_access_log(application)
