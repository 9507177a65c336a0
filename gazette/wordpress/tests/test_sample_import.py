"""A real WordPress 6.1 export (the peer's « Le Journal Témoin », 20 posts) imported twice:
every mapped field checked against the file itself, then the old addresses followed."""

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from gazette.comments.models import Comment
from gazette.core.models import CreditedImage
from gazette.news.models import ArticlePage, Author, HomePage, SectionPage
from gazette.wordpress.content import plain_text
from gazette.wordpress.importer import clean_title
from gazette.wordpress.models import WordPressItem

from .conftest import SAMPLE, items, make_uploads, run_import

COUNTED = [ArticlePage, SectionPage, Author, Comment, CreditedImage, Tag, Redirect, Revision]


@dataclass
class Runs:
    first: str
    second: str
    counts_after_first: dict
    counts_after_second: dict
    report: str


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture(scope="module")
def runs(imported_site, tmp_path_factory):
    uploads = make_uploads(SAMPLE, tmp_path_factory.mktemp("uploads"))
    report = imported_site / "rapport.txt"
    first = run_import(SAMPLE, uploads=uploads, report=report)
    after_first = counts()
    second = run_import(SAMPLE, uploads=uploads, report=imported_site / "second.txt")
    return Runs(first, second, after_first, counts(), report.read_text())


def article_for(wp_id: int) -> ArticlePage:
    row = WordPressItem.objects.get(kind="post", wp_id=wp_id)
    return ArticlePage.objects.get(pk=row.object_id)


POSTS = items(SAMPLE, "post")


@pytest.mark.django_db
def test_counts_match_the_export(runs):
    attachments = items(SAMPLE, "attachment")
    assert ArticlePage.objects.count() == len(POSTS) == 20
    assert ArticlePage.objects.live().count() == sum(p.status == "publish" for p in POSTS) == 16
    assert SectionPage.objects.count() == 6
    assert Author.objects.count() == 5
    assert CreditedImage.objects.count() == len(attachments) == 9
    assert Comment.objects.count() == sum(len(p.comments) for p in POSTS) == 77
    assert "20 articles" in runs.first and "Import terminé." in runs.first


@pytest.mark.django_db
def test_second_run_updates_nothing_and_duplicates_nothing(runs):
    assert runs.counts_after_second == runs.counts_after_first
    articles_line = next(line for line in runs.second.splitlines() if line.startswith("articles"))
    assert articles_line.split()[1:] == ["0", "0", "20"]


@pytest.mark.django_db
def test_sections_keep_the_categories_under_la_une(runs):
    home = HomePage.objects.get()
    titles = set(SectionPage.objects.child_of(home).live().values_list("title", flat=True))
    assert titles == {"Monde", "France", "Économie", "Culture", "Sport", "Sciences"}
    economie = SectionPage.objects.get(title="Économie")
    assert economie.slug == "economie"
    assert economie.intro == "Entreprises, emploi, marchés et consommation."


@pytest.mark.django_db
@pytest.mark.parametrize("post", POSTS, ids=lambda p: f"post-{p.wp_id}")
def test_every_post_field_is_mapped(runs, post):
    article = article_for(post.wp_id)
    assert article.title == clean_title(post.title)
    if post.slug:
        assert article.slug == post.slug
    if post.excerpt:
        assert article.standfirst == plain_text(post.excerpt)
    else:  # WordPress's own automatic excerpt: the first 55 words of the text
        words = " ".join(plain_text(post.content).split())
        assert words.startswith(article.standfirst.removesuffix("…"))
    assert [a.slug for a in article.authors] == [post.creator]
    category = next(slug for domain, slug, _ in post.categories if domain == "category")
    assert article.get_parent().slug == category
    assert article.section_id == article.get_parent().pk
    assert set(article.tags.names()) == {
        name for domain, _, name in post.categories if domain == "post_tag"
    }
    assert article.live == (post.status == "publish")
    if post.status == "publish":
        assert article.first_published_at == post.date_gmt
    assert article.comments_open == (post.comment_status == "open")
    assert article.comments.count() == len(post.comments)
    thumbnail = post.meta.get("_thumbnail_id")
    if thumbnail:
        image = CreditedImage.objects.get(
            pk=WordPressItem.objects.get(kind="attachment", wp_id=int(thumbnail)).object_id
        )
        assert article.lead_image == image
        assert article.lead_image_caption == "Illustration\u00a0: Le Journal Témoin."
    assert len(article.body) >= 3


@pytest.mark.django_db
def test_pending_and_drafts_stay_drafts_and_the_future_post_is_scheduled(runs):
    by_status = {p.status: p for p in POSTS}
    for status in ("draft", "pending"):
        article = article_for(by_status[status].wp_id)
        assert not article.live and article.has_unpublished_changes
    future = by_status["future"]
    article = article_for(future.wp_id)
    assert not article.live
    assert article.go_live_at == future.date_gmt
    revision = Revision.page_revisions.filter(object_id=str(article.pk)).get()
    assert revision.approved_go_live_at == future.date_gmt
    assert "statut « pending » : importé en brouillon" in runs.report


@pytest.mark.django_db
def test_comments_keep_status_thread_author_and_date(runs):
    statuses = {"1": Comment.Status.APPROVED, "0": Comment.Status.PENDING}
    rows = dict(WordPressItem.objects.filter(kind="comment").values_list("wp_id", "object_id"))
    replies = 0
    for post in POSTS:
        for wp in post.comments:
            comment = Comment.objects.get(pk=rows[wp.wp_id])
            assert comment.article_id == article_for(post.wp_id).pk
            assert comment.status == statuses[wp.approved]
            assert comment.author_name == wp.author
            assert comment.author_email == wp.email
            assert comment.created_at == wp.date_gmt
            assert comment.text == plain_text(wp.content)
            assert comment.parent_id == (rows[wp.parent] if wp.parent else None)
            replies += bool(wp.parent)
    assert replies > 0
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 12


@pytest.mark.django_db
def test_images_carry_title_alt_text_and_sit_in_the_body(runs):
    attachment = items(SAMPLE, "attachment")[0]
    image = CreditedImage.objects.get(
        pk=WordPressItem.objects.get(kind="attachment", wp_id=attachment.wp_id).object_id
    )
    assert image.title == clean_title(attachment.title)
    assert image.description  # alt text, required by Gazette
    assert (image.width, image.height) == (320, 180)
    article = article_for(attachment.parent)
    blocks = [b for b in article.body if b.block_type == "image"]
    assert blocks and blocks[0].value["image"] == image
    assert blocks[0].value["caption"] == "Illustration\u00a0: Le Journal Témoin."


@pytest.mark.django_db
def test_old_permalinks_redirect_permanently_to_the_article(runs, client):
    published = [p for p in POSTS if p.status == "publish"]
    for post in published[:5]:
        article = article_for(post.wp_id)
        old_path = post.link.removeprefix("http://127.0.0.1:8080")
        assert old_path.startswith("/20")  # /%year%/%monthnum%/%day%/%postname%/
        response = client.get(old_path)
        assert response.status_code == 301
        assert response["Location"] == article.url
        assert client.get(old_path, follow=True).status_code == 200
        by_id = client.get(f"/?p={post.wp_id}")
        assert (by_id.status_code, by_id["Location"]) == (301, article.url)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/category/france/", "/la-une/france/"),
        ("/category/economie/feed/", "/flux/rubriques/economie/rss/"),
        ("/tag/emploi/", "/sujets/emploi/"),
        ("/feed/", "/flux/rss/"),
        ("/feed/atom/", "/flux/atom/"),
        ("/author/sdelorme/", "/auteurs/sdelorme/"),
    ],
)
def test_archives_and_feeds_redirect(runs, client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"].endswith(new.removeprefix("/la-une"))
    assert client.get(old, follow=True).status_code == 200


@pytest.mark.django_db
def test_attachment_pages_redirect_to_their_article(runs, client):
    attachment = items(SAMPLE, "attachment")[0]
    response = client.get(attachment.link.removeprefix("http://127.0.0.1:8080"))
    assert (response.status_code, response["Location"]) == (
        301,
        article_for(attachment.parent).url,
    )


@pytest.mark.django_db
def test_imported_article_page_shows_body_and_approved_comments_only(runs, client):
    post = next(p for p in POSTS if p.status == "publish" and p.comments)
    article = article_for(post.wp_id)
    page = client.get(article.url).content.decode()
    approved = [c for c in post.comments if c.approved == "1"]
    assert approved[0].author in page
    for wp in post.comments:
        assert wp.email not in page
    pending = [c for c in post.comments if c.approved == "0"]
    for wp in pending:
        assert plain_text(wp.content) not in page or any(
            plain_text(wp.content) == plain_text(c.content) for c in approved
        )


def test_dates_come_from_the_gmt_fields():
    post = next(p for p in POSTS if p.slug.startswith("institutions-les-deputes"))
    assert post.date_gmt == datetime(2025, 1, 18, 8, 59, tzinfo=UTC)


@pytest.mark.django_db
def test_old_image_files_and_their_resized_copies_redirect_to_the_image(runs, client):
    attachment = items(SAMPLE, "attachment")[0]
    image = CreditedImage.objects.get(
        pk=WordPressItem.objects.get(kind="attachment", wp_id=attachment.wp_id).object_id
    )
    original = attachment.attachment_url.removeprefix("http://127.0.0.1:8080")
    resized = original.replace(".jpg", "-1024x576.jpg")
    for old in (original, resized):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, image.file.url)
    assert image.file.storage.exists(image.file.name)
