"""What the WordPress import remembers: which Gazette object each WordPress object became.

A row is written in the same transaction as the object it maps, so an import killed at any
point (even with kill -9) leaves either both or neither, and the next run carries on from
there instead of creating duplicates. The target is a plain id whose model follows from
`kind` (a post is always an ArticlePage, a category a SectionPage...): a generic foreign key
would cost a content-type join on every lookup for no extra meaning.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WordPressItem(models.Model):
    class Kind(models.TextChoices):
        AUTHOR = "author", _("Author")
        CATEGORY = "category", _("Category")
        TAG = "tag", _("Tag")
        ATTACHMENT = "attachment", _("Attachment")
        POST = "post", _("Post")
        PAGE = "page", _("Page")
        COMMENT = "comment", _("Comment")

    # The blog's address, so that two WordPress sites imported into one Gazette never mix ids.
    source = models.CharField(_("source"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    wp_id = models.BigIntegerField(_("WordPress id"))
    guid = models.CharField(_("GUID"), max_length=500, blank=True, db_index=True)
    object_id = models.BigIntegerField(_("Gazette id"))
    # A hash of what the import wrote: equal on the next run means nothing to update.
    checksum = models.CharField(_("checksum"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported on"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "wp_id"], name="unique_wordpress_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.wp_id} → {self.object_id}"
