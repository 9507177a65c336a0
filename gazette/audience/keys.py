"""The keys « Les + Lus » records where it is shown (gazette/core/invalidation.py): a new
ranking purges the pieces that showed the old one, and nothing else."""


def site_key() -> str:
    return "most-read:site"


def section_key(section_id: int) -> str:
    return f"most-read:section:{section_id}"
