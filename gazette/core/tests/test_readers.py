"""The one rule for « an anonymous reader's request » (gazette/core/readers.py), applied by the
page cache, the read replica and the kept fragments, and repeated by the shipped Varnish
configuration: read from deploy/varnish/gazette.vcl, its conditions must agree with the app's
on the same requests, or a page the app keeps for everyone would be passed by Varnish, or
worse, an editor's page stored for everyone."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from gazette.core import page_requests, readers

VCL = (Path(settings.BASE_DIR) / "deploy" / "varnish" / "gazette.vcl").read_text()

REQUESTS = [
    ("GET", "/", None),
    ("HEAD", "/monde/", ""),
    ("GET", "/monde/un-article/", "csrftoken=abc"),
    ("GET", "/monde/", "sessionid=abc"),
    ("GET", "/monde/", "csrftoken=abc; sessionid=abc"),
    ("GET", "/monde/", "csrftoken=abc;sessionid=abc"),
    ("GET", "/monde/", "oldsessionid=abc"),  # another cookie whose name ends the same
    ("GET", "/admin/", None),
    ("GET", "/admin/pages/3/edit/", None),
    ("GET", "/administration-locale/", None),  # not the admin, whose path ends with « / »
    ("POST", "/monde/", None),
    ("PUT", "/", None),
    ("DELETE", "/", None),
]


def vcl_passes(method: str, path: str, cookie: str | None) -> bool:
    """vcl_recv's own conditions, applied with Python's regular expressions (the VCL's are
    plain enough to mean the same in PCRE)."""
    if method not in ("GET", "HEAD"):
        return True
    (url_pattern,) = re.findall(r'req\.url ~ "(\^/\([^"]+\)/)"', VCL)
    (cookie_pattern,) = re.findall(r'req\.http\.Cookie ~ "([^"]+)"', VCL)
    cookie_pattern = cookie_pattern.replace("\\\\", "\\")
    return bool(re.search(url_pattern, path) or re.search(cookie_pattern, cookie or ""))


@pytest.mark.parametrize(("method", "path", "cookie"), REQUESTS)
def test_the_app_and_varnish_agree_on_who_is_an_anonymous_reader(method, path, cookie):
    assert readers.is_anonymous_read(method, path, cookie) == (not vcl_passes(method, path, cookie))


@pytest.mark.parametrize(("method", "path", "cookie"), REQUESTS)
def test_the_page_cache_keeps_only_for_anonymous_readers(method, path, cookie):
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path}
    if cookie is not None:
        environ["HTTP_COOKIE"] = cookie
    assert page_requests.is_candidate(environ) == readers.is_anonymous_read(method, path, cookie)


def test_varnish_drops_the_tracking_parameters_the_app_ignores():
    (pattern,) = re.findall(r'regsuball\(req\.url, "([^"]+)", ""\)', VCL)
    names = re.search(r"\(utm_\[a-z_\]\+\|([^)]+)\)", pattern).group(1).split("|")
    assert set(names) == set(readers.TRACKING)
    assert pattern.startswith("(?<=[?&])(" + readers.TRACKING_PREFIX)
    url = "/monde/?page=2&utm_source=lettre&fbclid=x&xtor=RSS-1&gclid=y"
    stripped = re.sub(r"[?&]$", "", re.sub(pattern, "", url))
    query = page_requests.normalised_query({"QUERY_STRING": url.partition("?")[2]})
    assert stripped == "/monde/?" + query


def test_the_admin_path_and_the_session_cookie_are_the_settings(settings):
    settings.GAZETTE_ADMIN_PATH = "redaction/"
    settings.SESSION_COOKIE_NAME = "gazette_session"
    assert not readers.is_anonymous_read("GET", "/redaction/pages/", None)
    assert readers.is_anonymous_read("GET", "/admin/", None)  # not the admin any more
    assert not readers.is_anonymous_read("GET", "/", "gazette_session=1")
    assert readers.is_anonymous_read("GET", "/", "sessionid=1")
