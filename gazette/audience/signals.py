"""`most_read_changed`: « Les + Lus » lists other articles, or in another order.

Sent after a recomputation whose result differs from the previous one, with `site_wide`
(the list on every page changed) and `sections` (ids of the sections whose own list
changed). `signal_handlers.py` purges the pages that show a changed list, in the app's page
cache and in the proxies; a CDN that cannot purge everything serves the old list for at most
its `s-maxage`.
"""

from django.dispatch import Signal

most_read_changed = Signal()
