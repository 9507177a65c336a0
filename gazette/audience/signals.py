"""`most_read_changed`: « Les + Lus » lists other articles, or in another order.

Sent after a recomputation whose result differs from the previous one, with `site_wide`
(the list on every page changed) and `sections` (ids of the sections whose own list
changed). Nothing listens yet: the page-cache purge (« Speed and scale-out ») will connect to
it and refresh the pages that show the list; until then a shared cache serves the old list for
at most its `s-maxage`.
"""

from django.dispatch import Signal

most_read_changed = Signal()
