"""The readers' side of the newsletters.

`/lettres/` and `/lettres/<slug>/` are public pages under the caching invariant: the same bytes
for everyone, no token, no cookie. Everything else answers `private, no-store`:
- the subscription endpoint, exempt from Django's CSRF check like the comment form's (the
  cached pages cannot carry its cookie), guarded by the signed form token, the cross-site
  check, the honeypot and a rate per client. Its answer is the same whether the address was
  new, pending, subscribed or suspended;
- the signed links of the e-mails (confirm, preferences, unsubscribe): the token in the
  address is the authority, so no CSRF cookie is needed either. A GET never changes anything
  (mail scanners open links): confirming or leaving takes a button, except the POST that
  RFC 8058's one-click unsubscribe sends, which acts at once.
"""

from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from gazette.core.cache import cache_public
from gazette.core.network import client_ip
from gazette.core.origin import is_cross_site

from . import abuse, links
from .forms import CONSENT_TEXT, PreferencesForm, SubscribeForm
from .messages import edition_articles
from .models import Edition, Letter
from .services import change_preferences, confirm_subscription, request_subscription, unsubscribe

ARCHIVE_SIZE = 12


@require_GET
def letter_list(request):
    letters = list(Letter.objects.active())
    response = render(
        request,
        "letters/letter_list.html",
        {"letters": letters, "form": SubscribeForm(), "consent_text": CONSENT_TEXT},
    )
    return cache_public(response)


@require_GET
def letter_page(request, slug):
    letter = get_object_or_404(Letter, slug=slug)
    editions = letter.editions.filter(status=Edition.Status.SENT).order_by("-sent_at")
    form = SubscribeForm(initial={"letters": [letter.slug]} if letter.active else None)
    response = render(
        request,
        "letters/letter_page.html",
        {
            "letter": letter,
            "editions": editions[:ARCHIVE_SIZE],
            "form": form,
            "consent_text": CONSENT_TEXT,
        },
    )
    return cache_public(response)


@require_GET
def edition_page(request, slug, edition_id):
    """The web archive: the edition as sent, without anyone's links."""
    edition = get_object_or_404(
        Edition.objects.select_related("letter"),
        pk=edition_id,
        letter__slug=slug,
        status=Edition.Status.SENT,
    )
    articles = edition_articles(edition)
    response = render(
        request, "letters/edition_page.html", {"edition": edition, "articles": articles}
    )
    return cache_public(response)


@require_GET
def form_token(request):
    """Fetched by the page script when the reader starts filling the form."""
    response = JsonResponse({"token": abuse.issue_token()})
    add_never_cache_headers(response)
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """GET: the form alone. POST: record the request and mail the confirmation, then 303 to
    « check your mailbox ». Whatever goes wrong, the address typed comes back in the form."""
    if request.method == "GET":
        return _form_page(request, SubscribeForm(), token=abuse.issue_token())
    if is_cross_site(request):
        return _form_page(request, SubscribeForm(), notice="cross_site", status=403)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form, notice="invalid", status=400)
    try:
        token = abuse.read_token(request.POST.get("token", ""))
    except abuse.InvalidToken:
        return _form_page(request, form, notice="confirm")
    ip_address = client_ip(request)
    if abuse.rate_limited(ip_address):
        return _form_page(request, form, notice="rate_limited", status=429)
    if token.too_fast():
        return _form_page(request, form, notice="confirm")
    data = form.cleaned_data
    if not data["website"]:  # a robot gets the same answer, and nobody gets an e-mail
        request_subscription(
            email=data["email"],
            letters=list(data["letters"]),
            source=data["source"] or request.headers.get("referer", "")[:500],
            consent_text=str(CONSENT_TEXT),
            ip_address=ip_address,
        )
    response = HttpResponseRedirect(reverse("letters:check_inbox"))
    response.status_code = 303
    add_never_cache_headers(response)
    return response


@require_GET
def check_inbox(request):
    return _private(render(request, "letters/check_inbox.html"))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    link = _read_link(request, links.CONFIRM, token)
    if not isinstance(link, links.Link):
        return link
    if request.method == "GET":
        letters = Letter.objects.filter(pk__in=link.letter_ids)
        return _private(render(request, "letters/confirm.html", {"letters": letters}))
    letters = confirm_subscription(
        subscriber=link.subscriber,
        letter_ids=link.letter_ids,
        consent_id=link.consent_id,
        ip_address=client_ip(request),
    )
    preferences = reverse(
        "letters:preferences", args=[links.make_token(links.PREFERENCES, link.subscriber)]
    )
    return _private(
        render(
            request,
            "letters/confirmed.html",
            {"letters": letters, "preferences_url": preferences},
        )
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    link = _read_link(request, links.PREFERENCES, token)
    if not isinstance(link, links.Link):
        return link
    subscriber = link.subscriber
    receiving = subscriber.subscriptions.filter(
        confirmed_at__isnull=False, unsubscribed_at__isnull=True
    ).values_list("letter__slug", flat=True)
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            change_preferences(
                subscriber=subscriber,
                letters=list(form.cleaned_data["letters"]),
                consent_text=str(CONSENT_TEXT),
                ip_address=client_ip(request),
            )
            saved = True
    else:
        form = PreferencesForm(initial={"letters": list(receiving)})
    return _private(
        render(
            request,
            "letters/preferences.html",
            {"form": form, "subscriber": subscriber, "saved": saved},
            status=200 if request.method == "GET" or form.is_valid() else 400,
        )
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    """POST (RFC 8058's `List-Unsubscribe=One-Click`, or the page's button) leaves at once."""
    link = _read_link(request, links.UNSUBSCRIBE, token)
    if not isinstance(link, links.Link):
        return link
    letters = Letter.objects.filter(pk__in=link.letter_ids)
    if request.method == "POST":
        unsubscribe(
            subscriber=link.subscriber, letter_ids=link.letter_ids, ip_address=client_ip(request)
        )
    preferences = reverse(
        "letters:preferences", args=[links.make_token(links.PREFERENCES, link.subscriber)]
    )
    return _private(
        render(
            request,
            "letters/unsubscribe.html",
            {"letters": letters, "done": request.method == "POST", "preferences_url": preferences},
        )
    )


def _read_link(request, purpose, token):
    try:
        return links.read_token(purpose, token)
    except links.InvalidLink as error:
        reason = "expired" if error.expired else str(error)
        status = 410 if reason == "expired" else 404 if reason == "gone" else 400
        response = render(
            request,
            "letters/bad_link.html",
            {"reason": reason, "form": SubscribeForm(), "token": abuse.issue_token()},
            status=status,
        )
        return _private(response)


def _form_page(request, form, *, token=None, notice="", status=200):
    response = render(
        request,
        "letters/subscribe.html",
        {
            "form": form,
            "token": token or abuse.issue_token(confirming=True),
            "notice": notice,
            "consent_text": CONSENT_TEXT,
        },
        status=status,
    )
    return _private(response)


def _private(response):
    add_never_cache_headers(response)
    return response
