"""Content-Security-Policy in Chromium: an admin moved to another path (`GAZETTE_ADMIN_PATH`)
works under its own policy, the schedule dialog included, and Chromium reports no violation (the
public pages under theirs: e2e/test_reading.py)."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from e2e.test_newsroom import PASSWORD
from gazette.news.newsroom import EDITOR
from gazette.news.tests.factories import make_article, make_home, make_section

pytestmark = pytest.mark.django_db(transaction=True)
# Injected by Playwright, so outside the page's policy: each violation the page would only
# report to a `report-uri` is written to the console, where the test reads it.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def article(django_user_model):
    editor = django_user_model.objects.create_user("edit", password=PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITOR))
    return make_article(make_section(make_home(), "Monde"), "La ville tient bon")


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    page.violations = []

    def keep_violations(message):
        if "Content Security Policy" in message.text or "CSP violation" in message.text:
            page.violations.append(message.text)

    page.on("console", keep_violations)
    yield page
    context.close()


def test_a_moved_admin_works_under_its_own_policy(live_server, admin_path, article, page):
    admin = f"{live_server.url}/{admin_path}"
    page.goto(f"{admin}login/")
    page.get_by_label("Nom d’utilisateur").fill("edit")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    expect(page).to_have_url(f"{admin}")

    response = page.goto(f"{admin}pages/{article.pk}/edit/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy and "object-src 'none'" in policy
    page.get_by_role("button", name="Statut").click()  # the schedule dialog and its chooser
    page.get_by_role("button", name="Programmer").first.click()
    go_live = page.get_by_role("dialog").get_by_label("Date/heure de publication")
    go_live.fill("2031-12-24T05:49")
    expect(go_live).to_have_value("2031-12-24T05:49")
    page.keyboard.press("Escape")

    page.goto(f"{admin}pages/")  # the explorer's date filters
    page.goto(f"{admin}pages/{article.get_parent().pk}/")
    expect(page.get_by_role("link", name="La ville tient bon").first).to_be_visible()

    assert page.violations == []
