from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve as serve_media
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from gazette.audience.pieces import most_read_piece
from gazette.core import views as core_views

urlpatterns = [
    path("sante/", include("gazette.operations.urls")),
    path(settings.GAZETTE_ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]


def media(request, path):
    """The embedded mode serves its own media; the scaled shape puts them on S3 or the proxy.
    The folder is read per request, so a changed MEDIA_ROOT (tests) is honoured."""
    return serve_media(request, path, document_root=settings.MEDIA_ROOT)


if settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media))

urlpatterns.append(path("commentaires/", include("gazette.comments.urls")))
urlpatterns.append(path("audience/", include("gazette.audience.urls")))
urlpatterns.append(path("direct/", include("gazette.live.urls")))
urlpatterns.append(path("lettres/", include("gazette.letters.urls")))
# « Les + Lus », stitched into cached pages when they are served (gazette/core/stitching.py).
urlpatterns.append(path("fragments/les-plus-lus/", most_read_piece, name="most_read_piece"))
urlpatterns.append(path("", include("gazette.findability.urls")))
urlpatterns.append(path("", include("gazette.news.urls")))
# Wagtail's other views first: the page pattern matches their `_util/` paths too (the readers'
# login form, a restricted page's password form).
urlpatterns += [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"]
# Wagtail's page view, through the remembered routes (gazette/core/routing.py); Wagtail's own
# pattern, after it, still names the addresses (`{% url 'wagtail_serve' … %}`).
urlpatterns.append(re_path(wagtail_urls.serve_pattern, core_views.serve))
urlpatterns.append(path("", include(wagtail_urls)))
