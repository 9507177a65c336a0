"""Comments made the two ways they reach the database: stored as they would be after
moderation (`make_comment`), or posted by a reader through the form endpoints
(`post_comment`: fetch the form token as the page script does, then submit)."""

from django.urls import reverse

from gazette.comments.models import Comment

READER = {"name": "Claire Martin", "email": "claire@exemple.fr", "url": "", "text": "Merci !"}


def make_comment(article, text="Très bon article.", *, status=Comment.Status.APPROVED, **fields):
    fields.setdefault("author_name", "Lecteur")
    fields.setdefault("author_email", "lecteur@exemple.fr")
    return Comment.objects.create(article=article, text=text, status=status, **fields)


def form_token(client, article) -> str:
    response = client.get(reverse("comments:token", args=[article.pk]))
    assert response.status_code == 200, response.content
    return response.json()["token"]


def post_comment(client, article, *, token: str | bool = True, meta=None, **data):
    """`token=True` asks for one first, like the script; False posts without, like a browser
    with JavaScript off. `meta`: the request's other headers (`HTTP_X_FORWARDED_FOR`…)."""
    if token is True:
        token = form_token(client, article)
    payload = {**READER, **data}
    if token:
        payload["token"] = token
    url = reverse("comments:submit", args=[article.pk])
    return client.post(url, payload, **{**_client(), **(meta or {})})


def _client() -> dict:
    return {"REMOTE_ADDR": "203.0.113.7", "HTTP_USER_AGENT": "Mozilla/5.0 (test)"}
