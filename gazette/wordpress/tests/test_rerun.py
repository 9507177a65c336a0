"""Run it again: a second run updates what changed in WordPress, and an import killed with
SIGKILL halfway, then run again, ends with the site a single clean run gives."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from gazette.comments.models import Comment
from gazette.core.tests import migrated_template
from gazette.news.models import ArticlePage
from gazette.wordpress import importer
from gazette.wordpress.models import WordPressItem

from .conftest import EDGE_CASES, run_import
from .generate import write_wxr

ROOT = Path(settings.BASE_DIR)


@pytest.mark.django_db
def test_second_run_applies_what_changed_in_wordpress(tmp_path):
    run_import(EDGE_CASES, report=tmp_path / "1.txt")
    changed = tmp_path / "changed.xml"
    changed.write_text(
        EDGE_CASES.read_text()
        .replace("Même titre, autre article", "Même titre, article corrigé")
        .replace(
            '<category domain="category" nicename="actualite"><![CDATA[Actualité]]></category>\n'
            "\t</item>\n\n\t<item>\n\t\t<title><![CDATA[Annonce",
            '<category domain="category" nicename="%c3%a9conomie"><![CDATA[Économie]]>'
            "</category>\n\t</item>\n\n\t<item>\n\t\t<title><![CDATA[Annonce",
        )
        .replace(
            "<wp:comment_approved><![CDATA[0]]></wp:comment_approved>",
            "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>",
        )
    )
    before = (ArticlePage.objects.count(), Comment.objects.count(), WordPressItem.objects.count())
    out = run_import(changed, report=tmp_path / "2.txt")
    after = (ArticlePage.objects.count(), Comment.objects.count(), WordPressItem.objects.count())
    assert after == before
    row = WordPressItem.objects.get(kind="post", wp_id=203)
    article = ArticlePage.objects.get(pk=row.object_id)
    assert article.title == "Même titre, article corrigé"
    assert article.get_parent().slug == "economie"
    assert article.section.slug == "economie"
    orphan = Comment.objects.get(pk=WordPressItem.objects.get(kind="comment", wp_id=505).object_id)
    assert orphan.status == Comment.Status.APPROVED
    assert next(line for line in out.splitlines() if line.startswith("articles")).split()[1:3] == [
        "0",
        "2",  # 203 retitled and moved; 201 holds the comment that changed
    ]
    assert not ArticlePage.find_problems()[0]


@pytest.mark.django_db
def test_a_second_run_shows_at_once_on_a_page_readers_had_read(client, tmp_path):
    """The update saves the article without a revision: no signal purges what the site kept
    of it (its row, its parts), the import does, once, for everything."""
    run_import(EDGE_CASES, report=tmp_path / "1.txt")
    row = WordPressItem.objects.get(kind="post", wp_id=203)
    article = ArticlePage.objects.get(pk=row.object_id)
    for _ in range(2):  # walked, then read and kept
        assert "Même titre, autre article" in client.get(article.url).content.decode()
    changed = tmp_path / "changed.xml"
    changed.write_text(
        EDGE_CASES.read_text().replace("Même titre, autre article", "Même titre, article corrigé")
    )
    run_import(changed, report=tmp_path / "2.txt")
    page = client.get(article.url).content.decode()
    assert "Même titre, article corrigé" in page and "autre article" not in page


def manage(*args, database: Path, var_dir: Path, **popen) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DATABASE_URL=f"sqlite:///{database}", GAZETTE_VAR_DIR=str(var_dir))
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **popen,
    )


def finish(process: subprocess.Popen) -> None:
    _, errors = process.communicate(timeout=300)
    assert process.returncode == 0, errors.decode()


def site(database: Path) -> dict:
    """What a reader and an editor would find, without ids or tree paths, which may differ."""
    with sqlite3.connect(database) as db:
        query = lambda sql: sorted(db.execute(sql).fetchall())  # noqa: E731
        return {
            "articles": query(
                "SELECT p.url_path, p.title, p.live, a.standfirst, a.body, s.url_path "
                "FROM news_articlepage a JOIN wagtailcore_page p ON p.id = a.page_ptr_id "
                "JOIN wagtailcore_page s ON s.id = a.section_id"
            ),
            "comments": query(
                "SELECT p.url_path, c.author_name, c.text, c.status, c.created_at, r.text "
                "FROM comments_comment c JOIN wagtailcore_page p ON p.id = c.article_id "
                "LEFT JOIN comments_comment r ON r.id = c.parent_id"
            ),
            "bylines": query("SELECT COUNT(*) FROM news_articleauthor"),
            "tags": query("SELECT COUNT(*) FROM news_articletag"),
            "redirects": query(
                "SELECT r.old_path, p.url_path FROM wagtailredirects_redirect r "
                "LEFT JOIN wagtailcore_page p ON p.id = r.redirect_page_id"
            ),
            "mapped": query("SELECT kind, wp_id FROM wordpress_wordpressitem"),
            # treebeard's bookkeeping, which the bulk insert computes itself
            "numchild": query(
                "SELECT p.url_path, p.numchild, (SELECT COUNT(*) FROM wagtailcore_page c "
                "WHERE c.path LIKE p.path || '____') FROM wagtailcore_page p"
            ),
        }


def posts_mapped(database: Path) -> int:
    try:
        with sqlite3.connect(database, timeout=1) as db:
            return db.execute(
                "SELECT COUNT(*) FROM wordpress_wordpressitem WHERE kind = 'post'"
            ).fetchone()[0]
    except sqlite3.OperationalError:  # locked by the writer for an instant
        return 0


@pytest.mark.system
def test_import_killed_halfway_resumes_to_the_same_site(tmp_path):
    """SQLite files of our own, migrated once, so that a separate process can write to them
    whatever database the rest of the suite uses."""
    template = tmp_path / "template.sqlite3"
    migrated_template.copy_migrated_sqlite(template)
    finish(manage("migrate", "--no-input", "-v0", database=template, var_dir=tmp_path))
    export = write_wxr(tmp_path / "export.xml", posts=200, comments=3)
    killed, clean = tmp_path / "killed.sqlite3", tmp_path / "clean.sqlite3"
    shutil.copy(template, killed)
    shutil.copy(template, clean)
    command = ["import_wordpress", str(export), "--batch-size", "20", "-v0"]

    process = manage(*command, database=killed, var_dir=tmp_path)
    deadline = time.monotonic() + 120
    while posts_mapped(killed) < 40 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    halfway = posts_mapped(killed)
    assert 40 <= halfway < 200, "the import must be killed while it writes posts"

    finish(manage(*command, database=killed, var_dir=tmp_path))
    finish(manage(*command, database=clean, var_dir=tmp_path))
    resumed, single = site(killed), site(clean)
    assert len(single["articles"]) == 200
    assert len(single["comments"]) == 600
    for part in single:
        assert resumed[part] == single[part], part
    assert all(numchild == actual for _, numchild, actual in single["numchild"])


@pytest.mark.django_db
def test_an_article_deleted_in_gazette_comes_back_on_the_next_run(tmp_path):
    run_import(EDGE_CASES, report=tmp_path / "1.txt")
    row = WordPressItem.objects.get(kind="post", wp_id=203)
    ArticlePage.objects.get(pk=row.object_id).delete()
    run_import(EDGE_CASES, report=tmp_path / "2.txt")
    row = WordPressItem.objects.get(kind="post", wp_id=203)
    assert ArticlePage.objects.get(pk=row.object_id).title == "Même titre, autre article"
    assert ArticlePage.objects.count() == 5


@pytest.mark.django_db
def test_users_option_gives_each_author_a_writer_account_without_password(tmp_path):
    from django.contrib.auth import get_user_model

    from gazette.news.newsroom import WRITER

    run_import(EDGE_CASES, users=True, report=tmp_path / "1.txt")
    first = set(get_user_model().objects.values_list("username", flat=True))
    run_import(EDGE_CASES, users=True, report=tmp_path / "2.txt")
    user = get_user_model().objects.get(email="rene@exemple.fr")
    assert (user.first_name, user.email) == ("René", "rene@exemple.fr")
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == [WRITER]
    assert set(get_user_model().objects.values_list("username", flat=True)) == first  # rerun


@pytest.mark.django_db
def test_imported_usernames_are_not_the_public_author_slugs(tmp_path):
    """An author page (« /auteurs/rdupont/ ») must not hand out half of an editor's login."""
    from django.contrib.auth import get_user_model

    from gazette.news.models import Author

    run_import(EDGE_CASES, users=True, report=tmp_path / "1.txt")
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    slugs = set(Author.objects.values_list("slug", flat=True))
    assert usernames and slugs
    assert not usernames & slugs
    assert "rdupont" in slugs and not usernames & {"rdupont", "René", "rene@exemple.fr"}


@pytest.mark.django_db
def test_imported_articles_become_searchable_once_the_queued_task_runs(
    tmp_path, django_capture_on_commit_callbacks
):
    from wagtail.models import ReferenceIndex

    from gazette.core.models import CreditedImage

    from .conftest import make_uploads

    uploads = make_uploads(EDGE_CASES, tmp_path / "uploads")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run_import(EDGE_CASES, uploads=uploads, report=tmp_path / "r.txt")
    assert callbacks  # one indexing task per batch, sent on commit
    found = ArticlePage.objects.live().search("écluses")
    assert [a.slug for a in found] == ["fete-des-ecluses"]
    image = CreditedImage.objects.get(title="Le marché du port")
    assert ReferenceIndex.get_grouped_references_to(image).count() >= 1


@pytest.mark.django_db
def test_private_and_protected_posts_stay_out_of_search_once_indexed(
    tmp_path, django_capture_on_commit_callbacks
):
    """Indexed with their batch like the others, but the reader's search never finds them."""
    from wagtail.models import Site

    from gazette.findability.search import Query

    with django_capture_on_commit_callbacks(execute=True):
        run_import(EDGE_CASES, report=tmp_path / "r.txt")
    site = Site.objects.get(is_default_site=True)
    assert Query.parse("écluses").articles(site=site)
    for words, slug in [("passerelle", "meme-titre"), ("personne classé", "sans-rubrique")]:
        assert ArticlePage.objects.filter(slug__startswith=slug, live=False).exists()
        assert ArticlePage.objects.search(words)  # in the index, for the admin
        assert not Query.parse(words).articles(site=site)


@pytest.mark.django_db
def test_an_export_too_large_to_keep_in_memory_is_read_again_to_the_same_site(
    tmp_path, monkeypatch
):
    def site():
        return (
            sorted(ArticlePage.objects.values_list("url_path", "title", "live")),
            sorted(Comment.objects.values_list("article__slug", "text", "status", "parent__text")),
            # Not the checksums: they hold Gazette ids, which PostgreSQL does not hand out twice.
            sorted(WordPressItem.objects.values_list("kind", "wp_id", "guid")),
        )

    assert importer.scan(EDGE_CASES).posts
    with transaction.atomic():
        kept = run_import(EDGE_CASES, report=tmp_path / "kept.txt").replace("kept", "?"), site()
        transaction.set_rollback(True)
    monkeypatch.setattr(importer, "KEPT_TEXT_LIMIT", 0)
    assert importer.scan(EDGE_CASES).posts is None

    streamed = run_import(EDGE_CASES, report=tmp_path / "streamed.txt").replace("streamed", "?")
    streamed = streamed, site()

    assert streamed == kept
    assert (tmp_path / "streamed.txt").read_text() == (tmp_path / "kept.txt").read_text()
