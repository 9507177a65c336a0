"""`{% picture_of image "teaser" … %}` and `{% image_of image "masthead" … %}`: Wagtail's
`{% picture %}` and `{% image %}` with a size named in gazette/core/renditions.py instead of
filter specs, so that the sizes made in advance are the sizes shown. Attributes are passed
on (`sizes=`, `alt=`, `loading=`…); an unknown size is an error when the template loads."""

from django import template
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


@register.tag
def picture_of(parser, token):
    return _parse(parser, token, PictureNode)


@register.tag
def image_of(parser, token):
    return _parse(parser, token, ImageNode)
