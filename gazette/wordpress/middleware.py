"""WordPress's query-string addresses (« /?p=123 », « /?page_id=4 », « /?cat=7 ») redirected.

Wagtail's redirect middleware only looks at 404s, and « / » is la une, which answers 200 to
any query string: these old links would land on the home page instead of their article. Only
requests to « / » carrying one of WordPress's own parameters cost a lookup.
"""

from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_PARAMETERS = {"p", "page_id", "attachment_id", "cat", "tag", "author", "feed"}


class WordPressQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and WORDPRESS_PARAMETERS.intersection(request.GET):
            path = Redirect.normalise_path(request.get_full_path())
            redirect = Redirect.objects.filter(old_path=path, site=None).first()
            if redirect is not None and redirect.link:
                return HttpResponsePermanentRedirect(redirect.link)
        return self.get_response(request)
