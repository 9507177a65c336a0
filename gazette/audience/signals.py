"""`most_read_changed`: « Les + Lus » lists other articles, or in another order.

Sent after a recomputation whose result differs from the previous one, with `site_wide`
(the site's list changed), `sections` (ids of the sections whose own list changed) and
`shown_changed` (a site's list appeared or vanished: the pages' layout changes).
`signal_handlers.py` purges the keys of what changed (gazette/audience/keys.py).
"""

from django.dispatch import Signal

most_read_changed = Signal()
