"""The blocks an article body is made of. Each renders through `news/blocks/<name>.html`."""

from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]

VIDEO_PROVIDERS = {"YouTube", "Vimeo", "Dailymotion", "TikTok"}
EMBED_PROVIDERS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "dailymotion.com": "Dailymotion",
    "x.com": "X",
    "twitter.com": "X",
    "instagram.com": "Instagram",
    "soundcloud.com": "SoundCloud",
    "bsky.app": "Bluesky",
    "tiktok.com": "TikTok",
}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    source = blocks.CharBlock(label=_("source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "news/blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "news/blocks/image.html"


class EmbedValue(blocks.StructValue):
    def provider(self) -> str:
        host = (urlsplit(self["url"]).hostname or "").removeprefix("www.").removeprefix("m.")
        return EMBED_PROVIDERS.get(host, host)

    def is_video(self) -> bool:
        return self.provider() in VIDEO_PROVIDERS


class EmbedBlock(blocks.StructBlock):
    """A link to the video or post, not an iframe: no third-party request, cookie or script
    reaches the reader before they choose to go there, and the page stays light."""

    url = blocks.URLBlock(label=_("address of the video or post"))
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "news/blocks/embed.html"
        value_class = EmbedValue


class RelatedArticleBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("article"), page_type="news.ArticlePage")

    def get_context(self, value, parent_context=None):
        """The article as `target` only while every reader may open it: an unpublished or a
        private one is named nowhere (no query asked while no page is private)."""
        context = super().get_context(value, parent_context=parent_context)
        page = value.get("page")
        visible = page is not None and page.live and not page.get_view_restrictions()
        context["target"] = page if visible else None
        return context

    class Meta:
        icon = "link"
        label = _("Read also")
        template = "news/blocks/related.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Paragraph"), template="news/blocks/paragraph.html"
    )
    intertitle = blocks.CharBlock(
        label=_("Intertitle"), icon="title", max_length=200, template="news/blocks/intertitle.html"
    )
    quote = QuoteBlock()
    image = ImageBlock()
    embed = EmbedBlock()
    related = RelatedArticleBlock()


class SimpleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=[*PARAGRAPH_FEATURES, "h2", "h3"],
        label=_("Paragraph"),
        template="news/blocks/paragraph.html",
    )
    intertitle = blocks.CharBlock(
        label=_("Intertitle"), icon="title", max_length=200, template="news/blocks/intertitle.html"
    )
    image = ImageBlock()
