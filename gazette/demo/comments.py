"""Readers' comments for the demo: discussions with replies, a newsroom answer, and a few
comments waiting in the moderation queue or caught as spam, so that the article pages and the
« Commentaires » admin both show something real. Our own text, invented readers."""

from datetime import timedelta

from gazette.comments.models import Comment
from gazette.comments.services import (
    approve_comment,
    mark_spam,
    reply_as_newsroom,
    submit_comment,
)
from gazette.news.models import ArticlePage

# (article slug, [(key, parent key, name, e-mail, website, text, status)])
APPROVED, PENDING, SPAM = "approved", "pending", "spam"
DISCUSSIONS = [
    (
        "arctique-route-du-nord-port-de-skarvoy",
        [
            (
                "a",
                None,
                "Solène B.",
                "solene.b@exemple.fr",
                "",
                "Merci pour ce reportage. On parle beaucoup des cargos, rarement de ceux "
                "qui vivent sur place.",
                APPROVED,
            ),
            (
                "b",
                "a",
                "Hervé Lanctot",
                "herve.lanctot@exemple.fr",
                "https://hervelanctot.exemple.fr",
                "Tout à fait d'accord. J'ai navigué dans le coin il y a dix ans : la glace tenait "
                "jusqu'en juin, c'était un autre monde.",
                APPROVED,
            ),
            (
                "c",
                "b",
                "Solène B.",
                "solene.b@exemple.fr",
                "",
                "Vous auriez des photos de cette époque ? Ce serait passionnant de comparer.",
                APPROVED,
            ),
            (
                "d",
                None,
                "Marc D.",
                "marc.d@exemple.fr",
                "",
                "Et les risques de marée noire, qui paiera si un porte-conteneurs "
                "s'échoue là-bas ?",
                APPROVED,
            ),
            (
                "e",
                None,
                "Lecteur pressé",
                "lecteur.presse@exemple.fr",
                "",
                "Article un peu long à mon goût, mais instructif.",
                PENDING,
            ),
        ],
    ),
    (
        "fleuves-partages-diplomatie-de-l-eau",
        [
            (
                "a",
                None,
                "Aïcha Bensalem",
                "aicha.bensalem@exemple.fr",
                "",
                "Un sujet trop peu traité. Les accords de partage de l'eau vont devenir aussi "
                "importants que les traités commerciaux.",
                APPROVED,
            ),
            (
                "b",
                "a",
                "Jean-Pierre Ollivier",
                "jp.ollivier@exemple.fr",
                "",
                "Encore faut-il que les pays en amont acceptent de se lier les mains.",
                APPROVED,
            ),
            (
                "c",
                None,
                "Promo Montres",
                "contact@montres-promo.exemple",
                "https://montres-promo.exemple",
                "Super article !!! Découvrez nos montres à -80 % https://montres-promo.exemple "
                "https://montres-promo.exemple/soldes https://montres-promo.exemple/vip",
                SPAM,
            ),
        ],
    ),
    (
        "santa-irene-toits-vegetalises",
        [
            (
                "a",
                None,
                "Camille R.",
                "camille.r@exemple.fr",
                "",
                "Dans notre immeuble, on a essayé le toit végétalisé : l'été dernier, "
                "quatre degrés de moins au dernier étage.\nÇa vaut l'investissement.",
                APPROVED,
            ),
            (
                "b",
                None,
                "Thomas Vidal",
                "thomas.vidal@exemple.fr",
                "",
                "Quel est le coût au mètre carré ? L'article ne le précise pas.",
                APPROVED,
            ),
            (
                "c",
                None,
                "Nadia K.",
                "nadia.k@exemple.fr",
                "",
                "Première fois que je commente : bravo pour la clarté des explications.",
                PENDING,
            ),
        ],
    ),
]
NEWSROOM_REPLIES = {
    ("santa-irene-toits-vegetalises", "b"): (
        "Bonjour, selon la mairie, il faut compter entre 60 et 120 euros le mètre carré selon "
        "la structure du bâtiment. Nous ajoutons la précision à l'article."
    ),
}


def ensure_demo_comments(*, newsroom) -> int:
    """Once: a site whose readers have started commenting keeps its own discussions.
    `newsroom` is the account that signs the newsroom's answer."""
    if Comment.objects.exists():
        return 0
    created = 0
    for slug, thread in DISCUSSIONS:
        article = ArticlePage.objects.filter(slug=slug).first()
        if article is None:
            continue
        posted = {}
        when = article.first_published_at
        for key, parent, name, email, website, text, status in thread:
            comment = submit_comment(
                article=article,
                author_name=name,
                author_email=email,
                author_url=website,
                text=text,
                parent=posted.get(parent),
            )
            if status == APPROVED:
                approve_comment(comment, moderator=None)
            elif status == SPAM:
                mark_spam(comment, moderator=None)
            when += timedelta(minutes=47)
            Comment.objects.filter(pk=comment.pk).update(created_at=when)
            posted[key] = comment
            created += 1
            if answer := NEWSROOM_REPLIES.get((slug, key)):
                reply = reply_as_newsroom(parent=comment, text=answer, moderator=newsroom)
                Comment.objects.filter(pk=reply.pk).update(created_at=when + timedelta(hours=2))
                created += 1
    return created
