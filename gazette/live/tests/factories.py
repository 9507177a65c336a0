"""Live pages and entries made as the desk makes them: the page published through a revision,
each entry through `publish_entry`, as the admin's button does."""

from gazette.live.models import LiveEntry, LivePage
from gazette.live.services import edit_entry, publish_entry, withdraw_entry
from gazette.news.models import ArticleAuthor
from gazette.news.tests.factories import _publish


def make_live_page(section, title="Tempête Ciarán : suivez la situation en direct", **fields):
    fields.setdefault("standfirst", "Vents violents sur la façade atlantique.")
    fields.setdefault("body", [("paragraph", "<p>Le contexte de la tempête.</p>")])
    authors, live = fields.pop("authors", ()), fields.pop("live", True)
    page = LivePage(
        title=title,
        bylines=[ArticleAuthor(author=author) for author in authors],
        **fields,
    )
    return _publish(section, page, live=live)


def post_entry(page, text="Les rafales atteignent 150 km/h à Brest.", *, user=None, **fields):
    return publish_entry(LiveEntry(page=page, body=f"<p>{text}</p>", **fields), user=user)


CHANGES = ["publish", "edit", "withdraw"]


def change_entries(page, first, change: str) -> None:
    """One of CHANGES, as the desk makes it: a new entry, `first` corrected, or withdrawn."""
    if change == "publish":
        post_entry(page, "Une nouvelle entrée.")
    elif change == "edit":
        first.body = "<p>Première entrée, corrigée.</p>"
        edit_entry(first)
    else:
        withdraw_entry(first)
