"""Anti-spam without a third-party service: small rules, each returning its reasons.

Every rule takes the submission and the site's moderation settings and returns a list of
reasons in plain French (empty when it has nothing to say). `assess` adds the weights of the
rules that spoke: from `SPAM_SCORE` on, the comment goes to the spam folder, below it to the
moderation queue, and the reasons are stored with it, so a moderator sees why and can recover
a false positive. Nothing here deletes anything.

The rate limit is apart: it refuses a request before anything is stored (the reader keeps
their text and may send it later), so a flood cannot fill the database.
"""

import ipaddress
import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from gazette.core.network import network_of

from .markup import find_urls, url_host
from .models import BlocklistEntry, Comment, ModerationSettings, RateCount

SPAM_SCORE = 50
CONFIRM_SECONDS = 1  # the « confirm » click of a form handed back: see tokens.py
DUPLICATE_WINDOW = timedelta(hours=24)
RATE_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class Submission:
    article_id: int
    author_name: str
    author_email: str
    author_url: str
    text: str
    ip_address: str | None = None
    honeypot: str = ""
    seconds_to_fill: float | None = None  # None when no form was filled (newsroom, import)
    confirming: bool = False


@dataclass(frozen=True)
class Verdict:
    score: int
    reasons: list[str]

    @property
    def is_spam(self) -> bool:
        return self.score >= SPAM_SCORE


def honeypot(submission: Submission, moderation: ModerationSettings) -> list[str]:
    """A field people never see, hidden by the stylesheet: robots fill every field they find."""
    if submission.honeypot.strip():
        return [gettext("The hidden field was filled in, as robots do.")]
    return []


def filled_too_fast(submission: Submission, moderation: ModerationSettings) -> list[str]:
    if submission.seconds_to_fill is None:
        return []
    minimum = moderation.min_seconds
    if submission.confirming:
        minimum = min(minimum, CONFIRM_SECONDS)
    if submission.seconds_to_fill >= minimum:
        return []
    return [
        gettext("Sent %(seconds)s s after the form was opened (at least %(minimum)s s).")
        % {"seconds": number_format(round(submission.seconds_to_fill, 1), 1), "minimum": minimum}
    ]


def too_many_links(submission: Submission, moderation: ModerationSettings) -> list[str]:
    count = len(find_urls(submission.text))
    if count <= moderation.max_links:
        return []
    return [
        ngettext(
            "%(count)s link in the text (at most %(maximum)s).",
            "%(count)s links in the text (at most %(maximum)s).",
            count,
        )
        % {"count": count, "maximum": moderation.max_links}
    ]


def duplicate(submission: Submission, moderation: ModerationSettings) -> list[str]:
    """The same text twice in a day, from one address or on one article, is a robot's habit;
    a reader's double click never gets here (see `services.submit_comment`)."""
    recent = Comment.objects.filter(
        created_at__gte=timezone.now() - DUPLICATE_WINDOW, text=submission.text
    )
    if submission.author_email and recent.by_email(submission.author_email).exists():
        return [gettext("The same text came from this e-mail address in the last 24 hours.")]
    if recent.filter(article_id=submission.article_id).exists():
        return [gettext("The same text was posted on this article in the last 24 hours.")]
    return []


def blocklisted(submission: Submission, moderation: ModerationSettings) -> list[str]:
    words_in = "\n".join([submission.author_name, submission.author_url, submission.text])
    email = submission.author_email.lower()
    email_domain = email.rpartition("@")[2]
    hosts = {url_host(url) for url in [*find_urls(submission.text), submission.author_url] if url}
    hosts.add(email_domain)
    hosts.discard("")
    reasons = []
    for entry in BlocklistEntry.objects.all():
        value, kind = entry.value.lower(), entry.kind
        if kind == BlocklistEntry.Kind.WORD and _has_words(words_in, value):
            reasons.append(gettext("Blocked word or phrase: « %(value)s ».") % {"value": value})
        elif kind == BlocklistEntry.Kind.URL and any(_in_domain(h, url_host(value)) for h in hosts):
            reasons.append(gettext("Blocked address or domain: %(value)s.") % {"value": value})
        elif kind == BlocklistEntry.Kind.EMAIL and email and _email_matches(email, value):
            reasons.append(gettext("Blocked e-mail address: %(value)s.") % {"value": value})
        elif kind == BlocklistEntry.Kind.IP and _ip_in(submission.ip_address, value):
            reasons.append(gettext("Blocked IP address: %(value)s.") % {"value": value})
    return reasons


RULES = (
    (honeypot, 100),
    (filled_too_fast, 60),
    (too_many_links, 30),
    (duplicate, 60),
    (blocklisted, 60),
)


def assess(submission: Submission, moderation: ModerationSettings) -> Verdict:
    """Reasons are stored in the site's language, whoever triggers the check (a request, the
    demo loader, an import)."""
    score, reasons = 0, []
    with translation.override(settings.LANGUAGE_CODE):
        for rule, weight in RULES:
            if found := rule(submission, moderation):
                score += weight
                reasons.extend(found)
    return Verdict(score=min(score, 100), reasons=reasons)


def rate_limited(ip_address: str | None) -> bool:
    """At most GAZETTE_COMMENT_RATE_LIMIT submissions per client per 10 minutes (0: no limit).

    A client is its network (`network_of`): an IPv6 client picks any address of its /64. The
    count is a database row (`RateCount`), which no flood of cache keys can evict and which
    every process and app server shares."""
    limit = settings.GAZETTE_COMMENT_RATE_LIMIT
    if not limit or not ip_address:
        return False
    key = salted_hmac("gazette.comments.rate", network_of(ip_address)).hexdigest()[:32]
    return RateCount.hit(key, now=timezone.now(), window=RATE_WINDOW) > limit


def _has_words(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def _in_domain(host: str, domain: str) -> bool:
    return bool(domain) and (host == domain or host.endswith("." + domain))


def _email_matches(email: str, value: str) -> bool:
    if value.startswith("@"):
        return email.rpartition("@")[2] == value[1:]
    return email == value


def _ip_in(ip_address: str | None, value: str) -> bool:
    if not ip_address:
        return False
    try:
        return ipaddress.ip_address(ip_address) in ipaddress.ip_network(value, strict=False)
    except ValueError:
        return False
