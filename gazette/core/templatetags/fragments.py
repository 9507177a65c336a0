"""`{% load fragments %}{% fragment "name" value… %}…{% endfragment %}`: keep a part of a page
rendered (gazette/core/fragments.py says when and why).

The values name everything the part shows that can change: the same values, the same bytes.
Django's own `{% cache %}` would do, given a timeout and the generation in every call; this
tag reads both itself, so a template names only what its fragment depends on. The site is
always part of the key, fragments hold absolute addresses: the Wagtail site the request is
for (its `root_url` makes them), not the `Host` header, whose port or name a reader chooses.
"""

from django import template
from django.conf import settings

from .. import fragments
from ..sites import site_for

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context):
        request = context.get("request")
        if not fragments.enabled() or not _for_everyone(request):
            return self.nodelist.render(context)
        site = site_for(request) if request is not None else None
        parts = [site.pk if site else "", *(part.resolve(context) for part in self.parts)]
        key = fragments.key(self.name, parts, fragments.generation(request))
        html = fragments.get(key)
        if html is None:
            html = self.nodelist.render(context)
            fragments.store(key, html)
        return html


def _for_everyone(request) -> bool:
    """A preview shows a draft under the live page's key, and a signed-in editor reads the
    primary database and must see their own change at once: both render every part, and
    keep none (as the page cache lets them through)."""
    if request is None:
        return True
    if getattr(request, "is_preview", False):
        return False
    # The session cookie, as the page cache asks: reading `request.user` would load the
    # session and add `Vary: Cookie` to every public page.
    return settings.SESSION_COOKIE_NAME not in getattr(request, "COOKIES", {})


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            '{% fragment "name" value… %} needs a quoted name first, then the values it shows'
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
