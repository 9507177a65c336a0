"""`{% load fragments %}{% fragment "name" value… %}…{% endfragment %}`: keep a part of a page
rendered (gazette/core/fragments.py says when and why). `{% fragment "name" value… shared %}`
for a part many pages show (the menu, the footer): it records only the keys of what it reads.

The values say which part of which page it is (an article's body: its id and live revision);
when it is out of date is the business of the keys it records while it renders
(gazette/core/fragments.py). Django's own `{% cache %}` knows nothing of keys. The site is
always part of the key, fragments hold absolute addresses: the Wagtail site the request is
for (its `root_url` makes them), not the `Host` header, whose port or name a reader chooses.
"""

from django import template

from .. import fragments, readers
from ..sites import site_for

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, parts, nodelist, shared):
        self.name, self.parts, self.nodelist, self.shared = name, parts, nodelist, shared

    def render(self, context):
        request = context.get("request")
        if not fragments.enabled() or not _for_everyone(request):
            return self.nodelist.render(context)
        site = site_for(request) if request is not None else None
        parts = [site.pk if site else "", *(part.resolve(context) for part in self.parts)]
        key = fragments.key(self.name, parts)
        html = fragments.get(key)
        if html is None:
            html = fragments.render(key, lambda: self.nodelist.render(context), shared=self.shared)
        return html


def _for_everyone(request) -> bool:
    """A preview shows a draft under the live page's key, and a signed-in editor reads the
    primary database and must see their own change at once: both render every part, and
    keep none (as the page cache lets them through; `readers.py`, the one rule)."""
    if request is None:
        return True
    if getattr(request, "is_preview", False):
        return False
    # The raw header, as the page cache reads it: reading `request.user` would load the
    # session and add `Vary: Cookie` to every public page.
    return readers.is_anonymous_read(request.method, request.path, request.META.get("HTTP_COOKIE"))


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            '{% fragment "name" value… %} needs a quoted name first, then the values it shows'
        )
    shared = bits[-1] == "shared"
    values = bits[2:-1] if shared else bits[2:]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        bits[1][1:-1], [parser.compile_filter(bit) for bit in values], nodelist, shared
    )
