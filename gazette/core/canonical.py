"""One address per page: a query string that names a parameter twice is a 404.

Django reads the last of `?page=1&page=99`, while the page cache sorts the pairs to build its
key, so `?page=99&page=1` and `?page=1&page=99` shared one entry holding whichever was rendered
first: a cached 200 answering for a page nobody asked for, and one more way to fill the cache.
No public page takes a parameter twice, so the answer is decided here, before any view, for
all of them at once. The admin keeps its repeated parameters (its listing filters use them).
"""

from django.conf import settings
from django.http import Http404


class RepeatedParameterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "&" in request.META.get("QUERY_STRING", "")
            and request.method in ("GET", "HEAD")
            and not request.path_info.startswith("/" + settings.GAZETTE_ADMIN_PATH)
            and any(len(values) > 1 for _, values in request.GET.lists())
        ):
            raise Http404("repeated query parameter")
        return self.get_response(request)
