"""Each anti-spam rule on its own, then how their weights decide between queue and spam."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gazette.comments import spam
from gazette.comments.models import BlocklistEntry, Comment, ModerationSettings
from gazette.news.tests.factories import make_article

from .factories import make_comment

pytestmark = pytest.mark.django_db


def submission(**fields) -> spam.Submission:
    return spam.Submission(
        **{
            "article_id": 1,
            "author_name": "Claire Martin",
            "author_email": "claire@exemple.fr",
            "author_url": "",
            "text": "Un avis mesuré sur la question.",
            "ip_address": "203.0.113.7",
            **fields,
        }
    )


SETTINGS = ModerationSettings(max_links=2, min_seconds=5)


@pytest.mark.parametrize(
    ("honeypot", "caught"), [("", False), ("   ", False), ("https://spam.example", True)]
)
def test_honeypot(honeypot, caught):
    assert bool(spam.honeypot(submission(honeypot=honeypot), SETTINGS)) is caught


@pytest.mark.parametrize(
    ("seconds", "confirming", "caught"),
    [
        (None, False, False),  # no form was filled: the newsroom, an import
        (0.4, False, True),
        (4.9, False, True),
        (5.0, False, False),
        (120, False, False),
        (0.4, True, True),  # even a confirmation click takes a human a second
        (1.5, True, False),  # the text was written before the form came back
    ],
)
def test_filled_too_fast(seconds, confirming, caught):
    reasons = spam.filled_too_fast(
        submission(seconds_to_fill=seconds, confirming=confirming), SETTINGS
    )
    assert bool(reasons) is caught


def test_filled_too_fast_says_how_fast():
    [reason] = spam.filled_too_fast(submission(seconds_to_fill=0.43), SETTINGS)
    assert reason == "Envoyé 0,4 s après l’ouverture du formulaire (au moins 5 s)."


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("Pas de lien.", False),
        ("Voir https://a.fr et www.b.fr.", False),
        ("https://a.fr https://b.fr http://c.fr", True),
        ("www.a.fr www.b.fr www.c.fr www.d.fr", True),
        ("a@b.fr c@d.fr e@f.fr", False),  # addresses are not links
    ],
)
def test_too_many_links(text, caught):
    assert bool(spam.too_many_links(submission(text=text), SETTINGS)) is caught


def test_too_many_links_counts_in_french():
    [reason] = spam.too_many_links(submission(text="https://a.fr " * 3), SETTINGS)
    assert reason == "3 liens dans le texte (au plus 2)."


@pytest.mark.parametrize(
    ("earlier", "caught"),
    [
        ({}, False),
        ({"text": "Autre chose."}, False),
        ({"same_article": False}, True),  # same text, same address, another article
        ({"author_email": "autre@exemple.fr"}, True),  # same text on the same article
        ({"author_email": "autre@exemple.fr", "same_article": False}, False),
        ({"hours_ago": 25}, False),
        ({"author_email": "CLAIRE@exemple.fr", "same_article": False}, True),
    ],
)
def test_duplicate(article, section, earlier, caught):
    if earlier:
        target = article if earlier.get("same_article", True) else make_article(section, "Autre")
        comment = make_comment(
            target,
            earlier.get("text", "Un avis mesuré sur la question."),
            author_email=earlier.get("author_email", "claire@exemple.fr"),
        )
        Comment.objects.filter(pk=comment.pk).update(
            created_at=timezone.now() - timedelta(hours=earlier.get("hours_ago", 1))
        )
    reasons = spam.duplicate(submission(article_id=article.pk), SETTINGS)
    assert bool(reasons) is caught


@pytest.mark.parametrize(
    ("kind", "value", "fields", "caught"),
    [
        ("word", "casino", {"text": "Le meilleur CASINO en ligne"}, True),
        ("word", "casino", {"author_name": "Casino Royal"}, True),
        ("word", "casino", {"text": "Les casinotiers"}, False),  # whole words only
        ("word", "prêt rapide", {"text": "Un prêt rapide, vite !"}, True),
        ("url", "spam.example", {"text": "Voir https://www.spam.example/offre"}, True),
        ("url", "spam.example", {"author_url": "http://spam.example"}, True),
        ("url", "spam.example", {"author_email": "bob@spam.example"}, True),
        ("url", "https://spam.example/x", {"text": "www.spam.example"}, True),
        ("url", "spam.example", {"text": "https://notspam.example"}, False),
        ("email", "bob@exemple.fr", {"author_email": "Bob@Exemple.fr"}, True),
        ("email", "bob@exemple.fr", {"author_email": "rob@exemple.fr"}, False),
        ("email", "@jetable.fr", {"author_email": "x@jetable.fr"}, True),
        ("ip", "203.0.113.7", {}, True),
        ("ip", "203.0.113.0/24", {}, True),
        ("ip", "198.51.100.0/24", {}, False),
        ("ip", "2001:db8::/32", {"ip_address": "2001:db8::1"}, True),
        ("ip", "2001:db8::/32", {}, False),
    ],
)
def test_blocklist(kind, value, fields, caught):
    BlocklistEntry.objects.create(kind=kind, value=value)
    assert bool(spam.blocklisted(submission(**fields), SETTINGS)) is caught


def test_blocklist_names_the_entry():
    BlocklistEntry.objects.create(kind="word", value="casino")
    assert spam.blocklisted(submission(text="casino"), SETTINGS) == [
        "Mot ou expression bloqué : « casino »."
    ]


@pytest.mark.parametrize(
    ("fields", "score", "is_spam"),
    [
        ({}, 0, False),
        ({"text": "https://a.fr https://b.fr https://c.fr"}, 30, False),  # held, not spam
        ({"seconds_to_fill": 1.0}, 60, True),
        ({"honeypot": "x"}, 100, True),
        ({"honeypot": "x", "seconds_to_fill": 1.0}, 100, True),
    ],
)
def test_assess_adds_weights(fields, score, is_spam):
    verdict = spam.assess(submission(**fields), SETTINGS)
    assert (verdict.score, verdict.is_spam) == (score, is_spam)
    assert bool(verdict.reasons) is bool(score)


@pytest.mark.parametrize(("limit", "allowed"), [(5, 5), (1, 1), (0, 20)])
def test_rate_limit_counts_per_client(settings, limit, allowed):
    settings.GAZETTE_COMMENT_RATE_LIMIT = limit
    results = [spam.rate_limited("203.0.113.7") for _ in range(20)]
    assert results.count(False) == allowed
    assert spam.rate_limited("203.0.113.8") is False  # another client has its own count
