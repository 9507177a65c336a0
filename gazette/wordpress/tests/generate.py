"""WordPress exports of any size, written the way WordPress writes them, with our own text.

Used by the tests (a file big enough to kill an import halfway) and by `bench/wxr_import.py`
(10,000 posts). Deterministic: the same arguments give the same bytes.
"""

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

SUBJECTS = [
    "Le conseil municipal",
    "La rédaction",
    "Les chercheurs de l'observatoire",
    "Une association de riverains",
    "Le comité régional",
    "Les élèves du lycée Jean-Moulin",
    "La chambre d'agriculture",
]
VERBS = ["présente", "examine", "conteste", "soutient", "reporte", "dévoile", "réclame"]
OBJECTS = [
    "un plan de rénovation des écoles",
    "le nouveau tracé du tramway",
    "une étude sur la qualité de l'air",
    "la réouverture du marché couvert",
    "un budget participatif élargi",
    "un festival de musique en plein air",
    "la création d'une réserve naturelle",
]
ENDINGS = [
    "après des mois de débats.",
    "à la surprise des habitants.",
    "malgré un calendrier serré.",
    "dès la rentrée prochaine.",
    "selon un communiqué publié jeudi.",
]
SECTIONS = [("ville", "Ville", ""), ("region", "Région", ""), ("quartiers", "Quartiers", "ville")]
AUTHORS = [
    ("ajourdain", "Alice Jourdain"),
    ("bmorel", "Bastien Morel"),
    ("cnguyen", "Chloé Nguyen"),
]
COMMENTERS = ["Lucie", "Marc D.", "Nadia", "Olivier P.", "Pauline"]


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ENDINGS)}"


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _body(rng: random.Random, paragraphs: int) -> str:
    parts = []
    for n in range(paragraphs):
        text = " ".join(_sentence(rng) for _ in range(3))
        if n == 2:
            parts.append("<!-- wp:heading -->\n<h2>Ce qui change</h2>\n<!-- /wp:heading -->")
        if n == 4:
            parts.append(
                '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>'
                f"{escape(_sentence(rng))}</p><cite>Un habitant</cite></blockquote>\n"
                "<!-- /wp:quote -->"
            )
        parts.append(f"<!-- wp:paragraph -->\n<p>{escape(text)}</p>\n<!-- /wp:paragraph -->")
    return "\n\n".join(parts)


def _date(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S")


def _comment(wp_id: int, parent: int, when: datetime, rng: random.Random, approved: str) -> str:
    name = rng.choice(COMMENTERS)
    email = name.split()[0].lower() + "@exemple.net"
    return f"""
		<wp:comment>
			<wp:comment_id>{wp_id}</wp:comment_id>
			<wp:comment_author>{_cdata(name)}</wp:comment_author>
			<wp:comment_author_email>{_cdata(email)}</wp:comment_author_email>
			<wp:comment_author_url></wp:comment_author_url>
			<wp:comment_author_IP>{_cdata(f"192.0.2.{wp_id % 250}")}</wp:comment_author_IP>
			<wp:comment_date>{_cdata(_date(when + timedelta(hours=1)))}</wp:comment_date>
			<wp:comment_date_gmt>{_cdata(_date(when))}</wp:comment_date_gmt>
			<wp:comment_content>{_cdata(_sentence(rng))}</wp:comment_content>
			<wp:comment_approved>{_cdata(approved)}</wp:comment_approved>
			<wp:comment_type>{_cdata("comment")}</wp:comment_type>
			<wp:comment_parent>{parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>"""


def _item(wp_id: int, rng: random.Random, start: datetime, paragraphs: int, comments: int) -> str:
    when = start + timedelta(hours=wp_id)
    title = _sentence(rng).rstrip(".")
    slug = f"article-{wp_id}"
    section = SECTIONS[wp_id % len(SECTIONS)][0]
    author = AUTHORS[wp_id % len(AUTHORS)][0]
    status = "draft" if wp_id % 50 == 0 else "publish"
    link = f"http://wp.exemple.test/{when:%Y/%m/%d}/{slug}/"
    tag = f"sujet-{wp_id % 40}"
    thread = []
    first_comment = wp_id * 10
    for n in range(comments):
        parent = first_comment if n and n % 3 == 1 else 0
        approved = "0" if n % 5 == 4 else "1"
        thread.append(
            _comment(first_comment + n, parent, when + timedelta(hours=n + 1), rng, approved)
        )
    return f"""
	<item>
		<title>{_cdata(title)}</title>
		<link>{link}</link>
		<pubDate>{when:%a, %d %b %Y %H:%M:%S} +0000</pubDate>
		<dc:creator>{_cdata(author)}</dc:creator>
		<guid isPermaLink="false">http://wp.exemple.test/?p={wp_id}</guid>
		<description></description>
		<content:encoded>{_cdata(_body(rng, paragraphs))}</content:encoded>
		<excerpt:encoded>{_cdata(_sentence(rng))}</excerpt:encoded>
		<wp:post_id>{wp_id}</wp:post_id>
		<wp:post_date>{_cdata(_date(when + timedelta(hours=1)))}</wp:post_date>
		<wp:post_date_gmt>{_cdata(_date(when))}</wp:post_date_gmt>
		<wp:post_modified>{_cdata(_date(when + timedelta(hours=1)))}</wp:post_modified>
		<wp:post_modified_gmt>{_cdata(_date(when))}</wp:post_modified_gmt>
		<wp:comment_status>{_cdata("open")}</wp:comment_status>
		<wp:ping_status>{_cdata("closed")}</wp:ping_status>
		<wp:post_name>{_cdata(slug)}</wp:post_name>
		<wp:status>{_cdata(status)}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>{_cdata("post")}</wp:post_type>
		<wp:post_password>{_cdata("")}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
		<category domain="category" nicename="{section}">{_cdata(section.title())}</category>
		<category domain="post_tag" nicename="{tag}">{_cdata(tag.replace("-", " "))}</category>
		{"".join(thread)}
	</item>"""


def write_wxr(
    path: Path,
    *,
    posts: int,
    comments: int = 3,
    paragraphs: int = 6,
    seed: int = 7,
    start: datetime = datetime(2020, 1, 1, tzinfo=UTC),
) -> Path:
    rng = random.Random(seed)  # noqa: S311 - sample text, not secrets
    with Path(path).open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n'
            '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
            ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
            ' xmlns:wfw="http://wellformedweb.org/CommentAPI/"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "\t<title>La Chronique d'essai</title>\n\t<link>http://wp.exemple.test</link>\n"
            "\t<wp:wxr_version>1.2</wp:wxr_version>\n"
            "\t<wp:base_site_url>http://wp.exemple.test</wp:base_site_url>\n"
            "\t<wp:base_blog_url>http://wp.exemple.test</wp:base_blog_url>\n"
        )
        for n, (login, name) in enumerate(AUTHORS, start=2):
            out.write(
                f"\t<wp:author><wp:author_id>{n}</wp:author_id><wp:author_login>{_cdata(login)}"
                f"</wp:author_login><wp:author_display_name>{_cdata(name)}"
                "</wp:author_display_name></wp:author>\n"
            )
        for n, (slug, name, parent) in enumerate(SECTIONS, start=2):
            out.write(
                f"\t<wp:category><wp:term_id>{n}</wp:term_id><wp:category_nicename>{slug}"
                f"</wp:category_nicename><wp:category_parent>{parent}</wp:category_parent>"
                f"<wp:cat_name>{_cdata(name)}</wp:cat_name></wp:category>\n"
            )
        for wp_id in range(1, posts + 1):
            out.write(_item(wp_id, rng, start, paragraphs, comments))
        out.write("\n</channel>\n</rss>\n")
    return Path(path)
