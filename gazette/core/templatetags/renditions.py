"""`{% picture_of image "teaser" … %}` and `{% image_of image "masthead" … %}`: Wagtail's
`{% picture %}` and `{% image %}` with a size named in gazette/core/renditions.py instead of
filter specs, so that the sizes made in advance are the sizes shown. Attributes are passed
on (`sizes=`, `alt=`, `loading=`…); an unknown size is an error when the template loads."""

from django import template
from django.utils.functional import cached_property
from wagtail.images.templatetags.wagtailimages_tags import ImageNode, PictureNode

from gazette.core.renditions import SIZES

register = template.Library()


def _parse(parser, token, node_class):
    tag, *bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f'{tag} : {{% {tag} image "taille" … %}}')
    image, size, *attributes = bits
    name = size.strip("\"'")
    if name not in SIZES:
        raise template.TemplateSyntaxError(
            f"{tag} : taille « {name} » inconnue ; tailles : {', '.join(SIZES)}"
        )
    attrs = {}
    for bit in attributes:
        key, equals, value = bit.partition("=")
        if not equals:
            raise template.TemplateSyntaxError(f"{tag} : attribut nom=valeur attendu, pas {bit}")
        attrs[key] = parser.compile_filter(value)
    return node_class(parser.compile_filter(image), SIZES[name].split(), attrs=attrs)


class _Picture(PictureNode):
    """Wagtail's, with its filters made once per tag in the template. Wagtail makes them
    again at each render, and each parses its spec into operations anew (the image-operation
    hooks looked up each time): half of what a teaser's photo cost, six sizes per photo. A
    filter keeps nothing of the image it is used for: its cache key reads the image each time."""

    @cached_property
    def filters(self):
        return super().get_filters()

    def get_filters(self):
        return self.filters


class _Image(ImageNode):
    """As `_Picture`, for Wagtail's one-filter `{% image %}`."""

    @cached_property
    def filter(self):
        return super().get_filter()

    def get_filter(self):
        return self.filter


@register.tag
def picture_of(parser, token):
    return _parse(parser, token, _Picture)


@register.tag
def image_of(parser, token):
    return _parse(parser, token, _Image)
