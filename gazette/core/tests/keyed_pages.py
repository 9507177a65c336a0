"""Pages that carry surrogate keys and an ESI include, for testing the proxy's side of the keys
(gazette/news/tests/test_varnish.py) before and apart from the app's own pages. Each answer
counts the times the app made it: the same count twice is a copy the proxy stored."""

from collections import Counter

from django.http import HttpResponse
from django.urls import path

KEYS = {
    "une": "k1 section:3",
    "article": "k1 article:12",
    "sport": "k2 section:4",
}
made = Counter()


def _public(body: str, keys: str) -> HttpResponse:
    made[body] += 1
    response = HttpResponse(f"{body} {made[body]}", content_type="text/plain")
    response["Cache-Control"] = "public, s-maxage=300"
    response["Surrogate-Key"] = keys
    return response


def keyed(request, name):
    return _public(name, KEYS[name])


def many_keys(request):
    """La une of a big site: 1,400 keys, 17 KB, past Varnish's default 8 KB per header."""
    return _public("une-chargee", " ".join(f"article:{n}" for n in range(1400)))


def with_fragment(request):
    """The outer page asks the proxy for ESI only when the proxy said it can do it."""
    made["page"] += 1
    if request.headers.get("Surrogate-Capability") != "gazette=ESI/1.0":
        return HttpResponse("pas de proxy ESI", status=400)
    response = HttpResponse(f'<p>page {made["page"]} <esi:include src="/fragments/encadre/"/></p>')
    response["Cache-Control"] = "public, s-maxage=300"
    response["Surrogate-Key"] = "page"
    response["Surrogate-Control"] = 'content="ESI/1.0"'
    return response


def fragment(request):
    return _public("encadre", "comments:12")


def ready(request):
    """Varnish's health probe: without it, the backend turns sick after three probes (15 s)
    and every fetch fails with a 503."""
    return HttpResponse("ok")


def capability(request):
    """What the proxy told the app, never stored: each request reaches the app."""
    response = HttpResponse(request.headers.get("Surrogate-Capability", ""))
    response["Cache-Control"] = "private"
    return response


def failing(request):
    """Good once, then broken: what a proxy keeps must outlive the app's errors."""
    if made["panne"]:
        return HttpResponse("panne", status=500)
    return _public("panne", "k3")


def address(request):
    """The reader's address as the app sees it through the proxy (`core.network`)."""
    from gazette.core.network import client_ip

    response = HttpResponse(client_ip(request) or "")
    response["Cache-Control"] = "private"
    return response


urlpatterns = [
    path("cles/<str:name>/", keyed),
    path("une-chargee/", many_keys),
    path("avec-fragment/", with_fragment),
    path("fragments/encadre/", fragment),
    path("capacite/", capability),
    path("panne/", failing),
    path("adresse/", address),
    path("sante/pret", ready),
]
