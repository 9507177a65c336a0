"""A reader's path through the site in Chromium, and an axe-core audit of each page type."""

import datetime as dt
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils.timezone import now
from playwright.sync_api import expect
from wagtail.models import Site

from gazette.audience.services import count_read, flush_counts, refresh_most_read
from gazette.core.models import SiteSettings
from gazette.news.tests.factories import make_article, make_author, make_home, make_section

pytestmark = pytest.mark.django_db(transaction=True)
PARIS = dt.timezone(dt.timedelta(hours=2))


@pytest.fixture
def article():
    home = make_home()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "Gazette"
    settings.facebook_url = "https://www.facebook.com/gazette.demo"
    settings.mastodon_url = "https://mastodon.social/@gazette"
    settings.save()
    monde = make_section(home, "Monde")
    make_section(home, "Culture")
    article = make_article(
        monde,
        "« Nous ne céderons pas » : la ville tient bon",
        label="analysis",
        standfirst="Depuis trois semaines, la mairie refuse de fermer le marché couvert.",
        authors=[make_author("Claire Vasseur")],
        first_published_at=dt.datetime(2025, 7, 8, 14, 30, tzinfo=PARIS),
    )
    for n in range(3):
        make_article(monde, f"Une autre nouvelle numéro {n}")
    return article


def test_reader_goes_from_la_une_to_a_section_to_an_article(live_server, page, article):
    page.goto(live_server.url + "/")
    expect(page).to_have_title("Gazette")
    follow = page.get_by_role("link", name="Gazette sur Facebook").first
    expect(follow).to_have_attribute("href", "https://www.facebook.com/gazette.demo")
    expect(page.get_by_role("link", name="Gazette sur Mastodon").first).to_have_attribute(
        "rel", "me noopener"
    )

    page.get_by_role("navigation", name="Rubriques").get_by_role("link", name="Monde").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Monde")
    page.get_by_role("link", name="la ville tient bon").click()

    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nous ne céderons pas")
    expect(main).to_contain_text("Analyse")
    published = main.locator("time").first
    expect(published).to_have_attribute("datetime", "2025-07-08T14:30:00+02:00")
    expect(published).to_contain_text(re.compile(r"le\s8\sjuillet 2025 à\s14\sh\s30"))
    expect(main.get_by_role("link", name="Claire Vasseur")).to_be_visible()
    expect(main).to_contain_text("Depuis trois semaines")


@pytest.mark.parametrize("path", ["/", "/monde/", "article"])
def test_no_accessibility_violation(live_server, page, article, path):
    url = article.url if path == "article" else path
    page.goto(live_server.url + url)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_pages_read_without_javascript(live_server, browser, article):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + article.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nous ne céderons pas")


def test_pages_break_no_rule_of_their_content_security_policy(live_server, page, article):
    """The policy forbids inline scripts and styles: every page, with its comment form opened
    and its beacon sent, must work without one."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for url in ["/", "/monde/", "/recherche/?q=ville", article.url]:
        response = page.goto(live_server.url + url)
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "unsafe-inline" not in policy
        page.wait_for_load_state("networkidle")
    page.get_by_role("button", name=re.compile("comment", re.IGNORECASE)).first.click()
    expect(page.get_by_role("textbox").first).to_be_visible()
    assert violations == []


LAYOUT_SHIFTS = """() => new Promise(resolve => new PerformanceObserver((list, observer) => {
  resolve(list.getEntries().map(entry => entry.value)); observer.disconnect();
}).observe({type: "layout-shift", buffered: true}) || setTimeout(() => resolve([]), 500))"""


@pytest.mark.parametrize("path", ["/", "/monde/", "article"])
def test_a_wide_page_with_les_plus_lus_does_not_shift(live_server, browser, article, path):
    """« Les + Lus » opened its column once the aside was parsed, after the article, which a
    browser that painted earlier (waiting for a stylesheet in the body, or under load) then
    moved 160 px aside (Lighthouse, desktop: CLS 0.058); and comments.js closed the comment
    form after the first paint, moving the footer up (0.12 on a short article)."""
    count_read(article_id=article.pk, ip="192.0.2.1", user_agent="Firefox", referrer="", now=now())
    flush_counts()
    refresh_most_read(now=now())
    page = browser.new_context(viewport={"width": 1350, "height": 940}).new_page()
    page.goto(live_server.url + (article.url if path == "article" else path))
    expect(page.locator(".most-read")).to_contain_text(article.title)
    page.wait_for_load_state("networkidle")
    assert page.evaluate(LAYOUT_SHIFTS) == []
