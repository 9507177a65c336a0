"""What Gazette changes in Django's French formats; `get_format` looks here first.

Only the names that differ are set: for the others (input formats, short formats, first day of
the week) Django goes on to its own `fr` module, so they follow Django's fixes.

Thousands are grouped with U+202F, the narrow no-break space of French typography; Django
ships U+00A0, as wide as a word space, which opens holes in figures. The date and time formats
use U+00A0 where `gazette.core.dates` does, so `{{ value|date }}` and `{{ value|time }}` read
like the dates that module prints (« 14 h 30 », never « 14:30 »). Numbers written into an
attribute or a URL must go through `|unlocalize`.
"""

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\u202f"
NUMBER_GROUPING = 3

DATE_FORMAT = "j\u00a0F Y"
MONTH_DAY_FORMAT = "j\u00a0F"
TIME_FORMAT = "G\u00a0\\h\u00a0i"
DATETIME_FORMAT = "j\u00a0F Y à\u00a0G\u00a0\\h\u00a0i"
