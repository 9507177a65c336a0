"""A reader on a phone (390 × 844): the news within the first screen, a search field with its
margins, tap targets of at least 24 × 24 px (WCAG 2.2, 2.5.8), no console error (the favicon
was one), a description for search engines, the privacy notice by the comment form, and
axe-core finds nothing."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from gazette.comments.models import Comment
from gazette.news.tests.factories import make_article, make_author, make_home, make_section

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}
SECTIONS = ["Monde", "France", "Économie", "Culture", "Sport", "Sciences"]


@pytest.fixture
def article():
    home = make_home()
    sections = [make_section(home, title) for title in SECTIONS]
    article = make_article(
        sections[0],
        "Arctique : la route du Nord ouvre un port",
        authors=[make_author("Claire Morvan")],
    )
    for n in range(3):
        make_article(sections[n + 1], f"Une nouvelle du jour numéro {n}")
    question = Comment.objects.create(
        article=article, author_name="Bruno", text="Et les pêcheurs ?", status="approved"
    )
    Comment.objects.create(
        article=article,
        parent=question,
        author_name="Inès",
        text="Ils s'adaptent.",
        status="approved",
    )
    return article


@pytest.fixture
def phone(browser):
    page = browser.new_context(locale="fr-FR", viewport=PHONE, is_mobile=True, has_touch=True)
    page = page.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def box(locator):
    return locator.bounding_box()


def test_the_news_starts_in_the_first_screen(live_server, phone, article, screenshot):
    phone.goto(live_server.url + "/")

    header = box(phone.locator(".site-header"))
    assert header["height"] <= 140, header
    lead = box(phone.locator(".lead-story h2"))
    assert lead["y"] < 844 / 3, lead
    search = box(phone.get_by_role("searchbox"))
    assert search["x"] >= 8 and search["x"] + search["width"] <= 390 - 8, search
    menu = phone.get_by_role("navigation", name="Rubriques")
    assert box(menu)["height"] <= 50  # one line, scrolled sideways
    menu.get_by_role("link", name="Sciences").scroll_into_view_if_needed()
    expect(menu.get_by_role("link", name="Sciences")).to_be_in_viewport()
    menu.locator("ul").evaluate("list => { list.scrollLeft = 0; }")
    screenshot(phone, "lecteur-telephone-une")
    assert phone.locator('meta[name="description"]').get_attribute("content")
    assert phone.errors == []


def test_tap_targets_and_the_privacy_notice(live_server, phone, article, screenshot):
    phone.goto(live_server.url + article.url)

    targets = [
        phone.locator(".comment-reply").first,
        phone.locator(".comment-permalink").first,
        phone.locator(".kicker a").first,
        phone.locator(".comment-context a, .comment-replies .comment-permalink").first,
    ]
    for target in targets:
        size = box(target)
        assert size["width"] >= 24 and size["height"] >= 24, (target, size)
    phone.get_by_role("button", name="Commenter").click()
    notice = phone.locator(".comment-privacy")
    expect(notice).to_contain_text("30 jours")
    expect(notice).to_contain_text("Données personnelles")
    notice.scroll_into_view_if_needed()
    screenshot(phone, "lecteur-telephone-commentaire")
    assert phone.errors == []


@pytest.mark.parametrize("path", ["/", "/monde/", "article"])
def test_phone_pages_pass_axe_and_describe_themselves(live_server, phone, article, path):
    phone.goto(live_server.url + (article.url if path == "article" else path))

    assert phone.locator('meta[name="description"]').get_attribute("content")
    results = Axe().run(phone)
    assert results.violations_count == 0, results.generate_report()
    assert phone.errors == []
