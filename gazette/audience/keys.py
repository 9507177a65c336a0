"""The keys « Les + Lus » records where it is shown (gazette/core/invalidation.py): a new
ranking purges the pieces that showed the old one, and nothing else."""

# Whether any list is shown at all: the pages' layout opens its second column for it.
SHOWN = "most-read:shown"


def site_key() -> str:
    return "most-read:site"


def section_key(section_id: int) -> str:
    return f"most-read:section:{section_id}"
