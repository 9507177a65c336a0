"""The Content-Security-Policy of each surface. Public pages: the policy lists no host that no
page uses, and no page uses anything the policy would refuse (frames, inline scripts or styles,
another site's scripts). The admin: its own policy, wherever `GAZETTE_ADMIN_PATH` puts it.
Chromium runs both in e2e/test_csp.py."""

import os
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from gazette.news.tests.factories import (
    make_article,
    make_author,
    make_home,
    make_image,
    make_section,
)

pytestmark = pytest.mark.django_db
KEYWORDS = {"'self'", "'none'", "'unsafe-inline'", "https:", "data:", "blob:"}


class Resources(HTMLParser):
    """What a page makes the browser load or run, and what CSP would refuse outright."""

    def __init__(self):
        super().__init__()
        self.loaded: set[str] = set()
        self.refused: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"iframe", "frame", "object", "embed"}:
            self.refused.append(tag)
        if "style" in attrs or any(name.startswith("on") for name in attrs):
            self.refused.append(f"inline attribute on <{tag}>")
        if tag == "script" and not attrs.get("src"):
            if attrs.get("type") not in {"application/ld+json", "application/json"}:
                self.refused.append("inline script")
        if tag == "style":
            self.refused.append("inline style")
        for name in ("src", "data-endpoint", "poster"):
            if attrs.get(name):
                self.loaded.add(attrs[name])
        if attrs.get("srcset"):
            self.loaded.update(part.split()[0] for part in attrs["srcset"].split(","))
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload"}:
            self.loaded.add(attrs["href"])
        if tag == "form" and attrs.get("action"):
            self.loaded.add(attrs["action"])


def hosts(policy: str) -> set[str]:
    """The host sources of a policy: what is neither a keyword nor a scheme."""
    sources = {source for part in policy.split(";") for source in part.split()[1:]}
    return {urlsplit(s if "//" in s else f"//{s}").hostname for s in sources - KEYWORDS}


@pytest.fixture
def public_urls(db):
    home = make_home()
    monde = make_section(home, "Monde")
    author = make_author("Claire Vasseur")
    article = make_article(
        monde, "La ville tient bon", authors=(author,), tags=("Climat",), lead_image=make_image()
    )
    article.body = [
        ("paragraph", '<p>Un lien <a href="https://www.example.org/">ailleurs</a>.</p>'),
        ("embed", {"url": "https://www.youtube.com/watch?v=abc", "title": "", "caption": ""}),
    ]
    article.save_revision().publish()
    return [
        "/",
        monde.url,
        article.url,
        author.get_absolute_url(),
        "/sujets/climat/",
        "/recherche/?q=ville",
        "/archives/",
        reverse("comments:submit", args=[article.pk]),
        "/nulle-part/",  # the 404 page
    ]


def test_public_pages_use_only_what_their_policy_allows_and_it_allows_no_more(client, public_urls):
    policies, loaded = set(), set()
    for url in public_urls:
        response = client.get(url)
        policies.add(response["Content-Security-Policy"])
        page = Resources()
        page.feed(response.content.decode())
        assert page.refused == [], url
        loaded |= page.loaded

    (policy,) = policies
    used = {urlsplit(address).hostname for address in loaded} - {None, "testserver"}
    assert used == set()  # scripts, styles, images, requests: all from the site itself
    assert hosts(policy) <= used
    assert "frame-src 'none'" in policy and "'unsafe-inline'" not in policy


def policy_in_subprocess(env: dict) -> str:
    code = "from django.conf import settings; print(settings.CONTENT_SECURITY_POLICY)"
    run = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "gazette.settings", **env},
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout


@pytest.mark.system
@pytest.mark.parametrize(
    ("env", "images_from"),
    [
        (
            {"GAZETTE_S3_BUCKET": "gazette", "GAZETTE_S3_MEDIA_DOMAIN": "medias.gazette.example"},
            "'https://medias.gazette.example'",
        ),
        ({"GAZETTE_S3_BUCKET": "gazette"}, "'https:'"),  # the storage decides the host
    ],
)
def test_images_on_another_host_are_allowed_from_that_host_only(env, images_from):
    assert f"'img-src': [\"'self'\", {images_from}]" in policy_in_subprocess(env)


def test_a_moved_admin_gets_the_admin_policy_and_the_old_path_nothing_of_it(client, admin_path):
    admin = client.get(f"/{admin_path}login/")["Content-Security-Policy"]
    public = client.get("/admin/login/")  # now an ordinary (missing) public page

    assert "script-src 'self' 'unsafe-inline'" in admin
    assert "style-src 'self' 'unsafe-inline'" in admin
    assert "frame-src 'self'" in admin and "frame-ancestors 'self'" in admin
    assert "object-src 'none'" in admin and "form-action 'self'" in admin
    assert public.status_code == 404
    assert "'unsafe-inline'" not in public["Content-Security-Policy"]


def test_the_admin_allows_avatars_only_from_where_wagtail_takes_them(client, settings):
    """Gazette draws initials (no Gravatar: readers' and editors' e-mails stay here); an
    operator who turns a provider back on gets that host, and only that one, allowed."""
    assert "gravatar" not in client.get("/admin/login/")["Content-Security-Policy"]
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"
    assert "www.gravatar.com" in client.get("/admin/login/")["Content-Security-Policy"]
