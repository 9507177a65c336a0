"""The two uncached endpoints behind the comment form of the cached article page.

Both answer with `Cache-Control: private, no-store` and set no cookie. The submit endpoint is
exempt from Django's CSRF check (the page cannot carry its cookie) and requires the signed
form token instead, after refusing what another site's page made a browser post (`Origin`,
`Sec-Fetch-Site`). Whatever else goes wrong, the reader's text comes back in the form: an
invalid field, a missing or expired token (no JavaScript, a page left open), the rate limit,
even comments closing in the meantime.

An article the reader may not open (a view restriction on it or on its section) is a 404 for
both, as if it did not exist: its title stays private and nobody comments on it unseen.
"""

import re

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from gazette.core import restrictions
from gazette.core.converters import IdConverter
from gazette.core.network import client_ip
from gazette.core.origin import is_cross_site
from gazette.news.models import ArticlePage

from . import spam
from .forms import CommentForm
from .models import Comment, ModerationSettings
from .services import submit_comment
from .tokens import InvalidToken, issue_token, read_token

PENDING_FRAGMENT = "commentaire-en-attente"


@require_GET
def form_token(request, article_id):
    """Fetched by the page script when the reader starts commenting."""
    article = _article_or_404(request, article_id)
    if ModerationSettings.for_request(request).accepts_comments_on(article):
        response = JsonResponse({"token": issue_token(article.pk)})
    else:
        response = JsonResponse({"closed": True}, status=403)
    add_never_cache_headers(response)
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
def submit(request, article_id):
    """GET: the form alone, for readers without JavaScript (« Répondre » links here).
    POST: store the comment, then 303 to the article, at the comment or at the notice that
    it awaits moderation. The purge of the article page was requested by then."""
    article = _article_or_404(request, article_id)
    is_open = ModerationSettings.for_request(request).accepts_comments_on(article)
    if request.method == "GET":
        parent = _published_parent(article, request.GET.get("repondre"))
        form = CommentForm(article=article, initial={"parent": parent.pk if parent else None})
        return _form_page(
            request,
            article,
            form,
            token=issue_token(article.pk),
            parent=parent,
            notice="" if is_open else "closed",
        )

    if is_cross_site(request):  # the form is not handed back: the text is another site's
        form = CommentForm(article=article)
        return _form_page(request, article, form, notice="cross_site", status=403)
    form = CommentForm(request.POST, article=article)
    if not is_open:
        return _form_page(request, article, form, notice="closed", status=403)
    valid = form.is_valid()
    parent = form.cleaned_data.get("parent")  # a valid parent is kept beside invalid fields
    if not valid:
        return _form_page(request, article, form, notice="invalid", parent=parent, status=400)
    try:
        signed = read_token(request.POST.get("token", ""), article_id=article.pk)
    except InvalidToken:
        return _form_page(request, article, form, notice="confirm", parent=parent)
    ip_address = client_ip(request)
    if spam.rate_limited(ip_address):
        return _form_page(request, article, form, notice="rate_limited", parent=parent, status=429)
    data = form.cleaned_data
    comment = submit_comment(
        article=article,
        parent=parent,
        author_name=data["name"],
        author_email=data["email"],
        author_url=data["url"],
        text=data["text"],
        ip_address=ip_address,
        user_agent=request.headers.get("user-agent", ""),
        honeypot=data["website"],
        form_token=signed,
    )
    approved = comment.status == Comment.Status.APPROVED
    response = HttpResponseRedirect(
        f"{article.get_url(request)}#{comment.anchor if approved else PENDING_FRAGMENT}"
    )
    response.status_code = 303
    add_never_cache_headers(response)
    return response


def _article_or_404(request, article_id) -> ArticlePage:
    article = get_object_or_404(ArticlePage.objects.live(), pk=article_id)
    if not restrictions.allows(request, article):
        raise Http404("private article")
    return article


def _form_page(request, article, form, *, token=None, parent=None, notice="", status=200):
    """A token handed back here is `confirming`: the reader wrote the text before."""
    response = render(
        request,
        "comments/form_page.html",
        {
            "article": article,
            "form": form,
            "token": token or issue_token(article.pk, confirming=True),
            "parent": parent,
            "notice": notice,
        },
        status=status,
    )
    add_never_cache_headers(response)
    return response


def _published_parent(article, pk) -> Comment | None:
    if not pk or not re.fullmatch(IdConverter.regex, pk):
        return None
    return Comment.objects.for_page(article).filter(pk=pk).first()
