"""Comments on the article page: `{% load comments %}{% article_comments page %}`.

The article page is cached and served to everyone, so this renders only what every reader may
see, the same for all: approved comments, the form with no token in it, no CSRF token, no
cookie. Two queries whatever the number of comments: the site's moderation settings and the
comments, which are threaded here, in Python.

Rendering many comments costs more than the rest of the article page together, so the block is
kept rendered (`{% fragment %}`, gazette/core/fragments.py) with the key `comments:12`, which
every change readers can see purges (signals.py), and under `comments_open`: no query at all
when kept. When it is not kept (a new comment, the fragments off), each comment is one turn of
a loop in the block's template, not a template included per comment (`reading_order`): the
include, its context and its `{% url %}` cost 0.5 ms a comment, 10 ms for an article of 20
comments: as much as the rest of the page.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from gazette.core import invalidation
from gazette.core.templatetags.core import published_time

from ..forms import CommentForm
from ..markup import comment_html
from ..models import Comment, ModerationSettings
from ..purge import key_of

register = template.Library()

MAX_DEPTH = 3


@dataclass
class Node:
    comment: Comment
    depth: int
    siblings: list["Node"]
    replies: list["Node"] = field(default_factory=list)
    in_reply_to: Comment | None = None  # said in words when the reply is not nested under it
    closes: list[None] = field(default_factory=list)  # one per reply list ending after it

    @property
    def author_href(self) -> str:
        """Only web addresses: an imported or edited value must not become `javascript:`."""
        url = self.comment.author_url
        return url if url.lower().startswith(("https://", "http://")) else ""

    # What the template prints, each made once: the name shows four times, escaped once here,
    # and the sentences naming someone are translated here rather than by a {% blocktranslate %}
    # per comment (the same msgids, so the same catalog entries).
    @cached_property
    def name(self) -> str:
        return escape(self.comment.author_name)

    @property
    def label(self) -> str:
        return _naming(gettext("Comment by %(name)s"), self.name)

    @property
    def reply_label(self) -> str:
        return _naming(gettext("Reply to %(name)s"), self.name)

    @property
    def context_label(self) -> str:
        return _naming(gettext("In reply to %(name)s"), escape(self.in_reply_to.author_name))

    @cached_property
    def anchor(self) -> str:
        return self.comment.anchor

    @cached_property
    def pk(self) -> str:
        """Without the thousands separator the French format would add to a number."""
        return str(self.comment.pk)

    @property
    def time(self) -> str:
        return published_time(self.comment.created_at)

    @property
    def text(self) -> str:
        return comment_html(self.comment.text)


def thread(comments) -> list[Node]:
    """Comments oldest first, as trees; a reply deeper than MAX_DEPTH goes at that depth, after
    its parent, with « En réponse à … ». A reply whose parent is not published is a root."""
    roots, nodes = [], {}
    for comment in comments:
        parent = nodes.get(comment.parent_id)
        if parent is None:
            node = Node(comment, 1, roots)
        elif parent.depth < MAX_DEPTH:
            node = Node(comment, parent.depth + 1, parent.replies)
        else:
            node = Node(comment, MAX_DEPTH, parent.siblings, in_reply_to=parent.comment)
        node.siblings.append(node)
        nodes[comment.pk] = node
    return roots


def _naming(sentence: str, name: str) -> str:
    return mark_safe(sentence % {"name": name})  # noqa: S308 - the name is escaped, the sentence ours


def reading_order(roots: list[Node]) -> list[Node]:
    """The trees as one list, each comment followed by its replies, for a template that shows
    them in one loop: a comment with replies opens their list, and each of its last
    descendants' `closes` ends one list and the comment holding it. The depth is at most
    MAX_DEPTH, so is the recursion."""
    order = []

    def walk(nodes: list[Node]) -> None:
        for node in nodes:
            order.append(node)
            if node.replies:
                walk(node.replies)
                order[-1].closes.append(None)

    walk(roots)
    return order


@register.inclusion_tag("comments/tags/article_comments.html", takes_context=True)
def article_comments(context, article):
    invalidation.record(key_of(article.pk))
    moderation = ModerationSettings.for_request(context["request"])
    comments = list(Comment.objects.for_page(article))
    return {
        "article": article,
        "count": len(comments),
        "threads": reading_order(thread(comments)),
        "is_open": moderation.accepts_comments_on(article),
        "reply_url": reverse("comments:submit", args=[article.pk]) + "?repondre=",
        "form": CommentForm(article=article),
    }


@register.simple_tag(takes_context=True)
def comments_open(context, article) -> bool:
    """Part of the kept block's name: articles close to comments on their own, with time, and
    no purge says so. Every other change to what the block shows (a comment approved, edited,
    removed, anonymised) purges `comments:12`, which the kept block recorded."""
    moderation = ModerationSettings.for_request(context["request"])
    return moderation.accepts_comments_on(article)


@register.simple_tag
def ip_retention_days() -> int:
    """For the notice by the form: what is kept, and how long (GAZETTE_COMMENT_IP_DAYS)."""
    return settings.GAZETTE_COMMENT_IP_DAYS


@register.simple_tag
def comments_stylesheet() -> str:
    """For the page's <head>: linked in the body, next to the comments, the stylesheet let
    Chromium paint what came before it alone, then move it once « Les + Lus » opened its
    column (a layout shift, Lighthouse's CLS)."""
    return format_html('<link rel="stylesheet" href="{}">', static("comments/comments.css"))


register.filter("comment_html", comment_html)
