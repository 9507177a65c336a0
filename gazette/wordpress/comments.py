"""Comments keep their status, thread, name, e-mail (never shown) and website; IP addresses
only when younger than the retention period, as the daily erasure would drop them. Created
in bulk, without the signals a reader's comment fires: no e-mail, no anti-spam rule."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from gazette.comments.models import NAME_MAX_LENGTH, TEXT_MAX_LENGTH, URL_MAX_LENGTH, Comment
from gazette.core.table_rows import Rows, reserve_ids

from .content import plain_text
from .items import commenter_address, ip_address, where
from .ledger import ImportRun, Kind, checksum, reconcile
from .wxr import Item

STATUSES = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.TRASH,
    "post-trashed": Comment.Status.TRASH,
}


def import_comments(run: ImportRun, posts: list[tuple[Item, int]]) -> None:
    """The comments of a batch's posts, parents first, so that a reply can name its parent;
    a reply whose parent is not in the export is kept at the top level and reported.

    The new ones go in with one write (`gazette.core.table_rows`), under ids reserved
    beforehand: a reply names its parent's id without the parent being read back, and 30,000
    comments cost no model instance each."""
    wanted = [c.wp_id for item, _ in posts for c in item.comments]
    if not wanted:
        return
    known = run.mapping(Kind.COMMENT, wanted)
    gazette_ids = {wp_id: row.object_id for wp_id, row in known.items()}
    pending: list[tuple[Item, object, dict]] = []
    ip_limit = timezone.now() - timedelta(days=settings.GAZETTE_COMMENT_IP_DAYS)
    for item, article_pk in posts:
        ids = {c.wp_id for c in item.comments}
        for wp_comment in item.comments:
            if wp_comment.type in {"pingback", "trackback"}:
                run.report.skipped[Kind.COMMENT] += 1
                continue
            if wp_comment.parent and wp_comment.parent not in ids:
                run.report.warn(
                    where(item),
                    f"commentaire {wp_comment.wp_id} : réponse à un commentaire absent "
                    f"({wp_comment.parent}), placé au premier niveau",
                )
                wp_comment.parent = 0
            pending.append(
                (item, wp_comment, _comment(run, item, article_pk, wp_comment, ip_limit))
            )
    ordered, looped = _parents_first(pending)
    new_ids = iter(reserve_ids(Comment, sum(wp.wp_id not in known for _, wp, _ in ordered)))
    rows, mapped = [], []
    for _item, wp_comment, comment in ordered:
        comment["parent_id"] = gazette_ids.get(wp_comment.parent)
        digest = checksum(
            [comment["status"], comment["text"], comment["author_name"], comment["parent_id"]]
        )

        def create(wp_id=wp_comment.wp_id, comment=comment, digest=digest):
            comment["id"] = gazette_ids[wp_id] = next(new_ids)
            rows.append(comment)
            mapped.append(run.row(Kind.COMMENT, wp_id, comment["id"], digest))
            return None, True  # written and remembered with the batch, below

        def update(pk, comment=comment):
            Comment.objects.filter(pk=pk).update(
                status=comment["status"],
                text=comment["text"],
                author_name=comment["author_name"],
                parent_id=comment["parent_id"],
            )

        reconcile(
            run,
            Kind.COMMENT,
            wp_comment.wp_id,
            digest,
            row=known.get(wp_comment.wp_id),
            create=create,
            update=update,
        )
    for item, wp_comment, _ in looped:  # a loop of replies: WordPress cannot make one
        run.report.warn(where(item), f"commentaire {wp_comment.wp_id} : fil de réponses en boucle")
    Rows(Comment).write(rows)
    run.write_rows(mapped)


def _parents_first(pending: list) -> tuple[list, list]:
    """Level by level: the top-level comments, then their replies, and so on; what no level
    reaches is a loop of replies."""
    ordered, level = [], [p for p in pending if not p[1].parent]
    remaining = [p for p in pending if p[1].parent]
    while level:
        ordered += level
        done = {wp.wp_id for _, wp, _ in level}
        level = [p for p in remaining if p[1].parent in done]
        remaining = [p for p in remaining if p[1].parent not in done]
    return ordered, remaining


def _comment(run: ImportRun, item: Item, article_pk: int, wp, ip_limit) -> dict:
    text = plain_text(wp.content)
    if len(text) > TEXT_MAX_LENGTH:
        run.report.warn(where(item), f"commentaire {wp.wp_id} raccourci à {TEXT_MAX_LENGTH} signes")
        text = text[: TEXT_MAX_LENGTH - 1] + "…"
    status = STATUSES.get(wp.approved.lower())
    if status is None:
        run.report.warn(
            where(item), f"commentaire {wp.wp_id} : statut « {wp.approved} » → en attente"
        )
        status = Comment.Status.PENDING
    created = wp.date_gmt or item.date_gmt or timezone.now()
    email, url = commenter_address(wp.email, wp.url)
    return {
        "article_id": article_pk,
        "author_name": (wp.author or "Anonyme")[:NAME_MAX_LENGTH],
        "author_email": email,
        "author_url": url[:URL_MAX_LENGTH],
        "text": text,
        "status": status,
        "created_at": created,
        "ip_address": ip_address(wp.ip) if created >= ip_limit else None,
        "is_newsroom": bool(wp.user_id) and wp.user_id in run.author_wp_ids,
    }
