"""The streaming reader, on what WordPress actually writes."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from gazette.wordpress.wxr import Channel, Item, Term, read_wxr

from .conftest import SAMPLE


def write(tmp_path, body: str, version: str = "1.2"):
    path = tmp_path / "export.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        f'<rss version="2.0" xmlns:wp="http://wordpress.org/export/{version}/"'
        f' xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        f"<wp:wxr_version>{version}</wp:wxr_version>\n{body}\n</channel></rss>"
    )
    return path


def test_the_sample_reads_as_channel_then_terms_then_items():
    objects = list(read_wxr(SAMPLE))
    assert isinstance(objects[0], Channel)
    assert objects[0].base_blog_url == "http://127.0.0.1:8080"
    kinds = [type(o).__name__ for o in objects]
    assert kinds.count("Item") == 29 and kinds.count("Author") == 5
    assert {t.kind for t in objects if isinstance(t, Term)} == {"category", "tag"}


def test_cdata_split_around_its_own_terminator(tmp_path):
    """WordPress writes « ]]> » inside content as two CDATA sections."""
    path = write(
        tmp_path,
        "<item><wp:post_id>3</wp:post_id><content:encoded>"
        "<![CDATA[Le code a[b[0]]]]><![CDATA[> reste lisible]]></content:encoded></item>",
    )
    item = [o for o in read_wxr(path) if isinstance(o, Item)][0]
    assert item.content == "Le code a[b[0]]> reste lisible"


def test_wxr_1_0_and_drafts_without_gmt_date(tmp_path):
    path = write(
        tmp_path,
        "<item><wp:post_id>4</wp:post_id><wp:post_type>post</wp:post_type>"
        "<excerpt:encoded>Chapô</excerpt:encoded>"
        "<wp:post_date>2024-07-14 10:00:00</wp:post_date>"
        "<wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt></item>",
        version="1.0",
    )
    item = [o for o in read_wxr(path) if isinstance(o, Item)][0]
    assert item.excerpt == "Chapô"
    assert item.date_gmt == datetime(2024, 7, 14, 10, tzinfo=ZoneInfo("Europe/Paris"))
    assert item.date_gmt.astimezone(UTC).hour == 8


def test_comments_and_meta_are_read_with_the_item():
    item = next(o for o in read_wxr(SAMPLE) if isinstance(o, Item) and o.wp_id == 18)
    assert item.meta["_thumbnail_id"] == "19"
    assert [c.wp_id for c in item.comments][:2] == [17, 18]
    assert item.comments[1].parent == 17


def test_parents_come_first_and_loops_end_at_the_top():
    from gazette.wordpress.importer import parents_first

    made = []

    def create(item, parent):
        made.append((item[0], parent))
        return item[0]

    items = [("c", "b"), ("b", "a"), ("a", ""), ("x", "y"), ("y", "x"), ("s", "s")]
    parents_first(items, key=lambda i: i[0], parent_key=lambda i: i[1], create=create)
    assert made[:3] == [("a", None), ("b", "a"), ("c", "b")]
    assert sorted(name for name, _ in made) == ["a", "b", "c", "s", "x", "y"]
