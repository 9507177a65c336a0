"""Rectificatifs and updates: the notes a published article carries, as data of their own.

Why a model tied to the article rather than a panel of the page: a page's content lives in its
revisions, and publishing a revision writes back all it holds. Notes kept there would vanish
whenever an editor published a revision begun before the note, or removed a row by mistake.
Here each note is a snippet with its own revisions (who changed what, when: its history in
the admin), its own draft state and the « Relecture » workflow: a rédacteur proposes a note,
an éditeur publishes it. Unpublishing the article leaves its notes where they are.

What readers see of a note is its row: a draft of a published note lives in its revisions
only (Wagtail's DraftStateMixin), so the row read before a publish is what readers saw until
then, which `save` compares with to date an amendment or a withdrawal. A note's date is its
first publication, shown in Paris time: « Rectificatif, le 3 décembre 2026 à 9 h 12 : … ».

Once published, a note cannot quietly disappear: only an éditeur may change it, giving a
reason; withdrawing is a change like another, whose reason readers see; it cannot be
deleted nor unpublished (`ArticleNotePermissionPolicy`). The rules are in docs/rectificatifs.md.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from gazette.core.cached_settings import CachedSiteSettingMixin
from gazette.core.dates import long_datetime


class ArticleNoteQuerySet(models.QuerySet):
    def public(self):
        """What readers see, oldest first: every published note, the withdrawn ones too,
        whose trace stays on the page."""
        return self.filter(live=True).order_by("first_published_at", "pk")

    def corrections(self):
        return self.filter(kind=ArticleNote.Kind.CORRECTION)


class ArticleNote(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "correction", pgettext_lazy("article note", "Correction")
        UPDATE = "update", pgettext_lazy("article note", "Update")

    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="notes",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.CORRECTION)
    text = models.TextField(
        _("text"),
        max_length=2000,
        help_text=_(
            "A correction says what was wrong and what is right; an update says what was added."
        ),
    )
    withdrawn = models.BooleanField(
        _("withdraw this note"),
        default=False,
        help_text=_("Readers then see that a note was withdrawn, when, and why; not its text."),
    )
    reason = models.TextField(
        _("reason for the change"),
        max_length=500,
        blank=True,
        help_text=_(
            "Required to change or withdraw a published note; kept in its history. "
            "When the note is withdrawn, readers see this reason."
        ),
    )
    # Dated when a publish changes what readers see; kept from the row, never from a revision.
    amended_at = models.DateTimeField(_("amended on"), null=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, editable=False)

    objects = ArticleNoteQuerySet.as_manager()

    SHOWN = ("kind", "text", "withdrawn")  # what readers see change
    ANCHORS = {Kind.CORRECTION: "rectificatif", Kind.UPDATE: "mise-a-jour"}

    class Meta:
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        # Wagtail's snippets app adds these after its own `migrate` step, once the admin's
        # hooks are loaded; declared here, they exist before the newsroom's groups get them.
        permissions = [
            ("publish_articlenote", "Can publish correction or update"),
            ("lock_articlenote", "Can lock correction or update"),
            ("unlock_articlenote", "Can unlock correction or update"),
        ]
        indexes = [
            # /rectificatifs/ and its feeds: the newest published corrections first.
            models.Index(fields=["kind", "live", "first_published_at"], name="news_note_listing")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {Truncator(self.text).chars(60)}"

    def save(self, *args, **kwargs):
        """A publish saves the whole row (`update_fields` is None): compared with the row as
        it stands, what readers saw, it dates an amendment or a withdrawal."""
        if self.live and self.pk and kwargs.get("update_fields") is None:
            self._date_public_change()
        super().save(*args, **kwargs)

    def _date_public_change(self) -> None:
        before = type(self).objects.filter(pk=self.pk, live=True).values(*self.SHOWN).first()
        if before is None:  # first publication: its date is `first_published_at`
            return
        if self.withdrawn and not before["withdrawn"]:
            self.withdrawn_at = timezone.now()
        elif any(getattr(self, name) != before[name] for name in self.SHOWN):
            self.amended_at = timezone.now()

    @property
    def anchor(self) -> str:
        """The note's `id` on the article page, which links and feeds point to."""
        return f"{self.ANCHORS[self.kind]}-{self.pk}"

    @property
    def changed_at(self):
        """The last time readers saw this note change: published, amended or withdrawn."""
        dates = (self.first_published_at, self.amended_at, self.withdrawn_at)
        return max((d for d in dates if d), default=None)

    def with_content_json(self, content):
        """The dates of public changes belong to the note, not to one of its revisions: a
        revision saved before an amendment must not take it back when published."""
        note = super().with_content_json(content)
        note.amended_at, note.withdrawn_at = self.amended_at, self.withdrawn_at
        return note

    def summary(self) -> str:
        """One line of plain text, as a feed reader shows it."""
        heading = gettext("%(kind)s, %(date)s:") % {
            "kind": self.get_kind_display(),
            "date": long_datetime(self.first_published_at),
        }
        if self.withdrawn:
            body = gettext("note withdrawn %(date)s: %(reason)s") % {
                "date": long_datetime(self.withdrawn_at),
                "reason": self.reason,
            }
        else:
            body = self.text
        return f"{heading} {body}"


def record_note_change(note: ArticleNote) -> None:
    """The article's « Mis à jour le » follows its notes: set to the latest public change of
    one of them, without a page revision (the page keeps the value through its revisions,
    `ArticlePage.with_content_json`). A later date already there (typed by hand before notes
    existed) is kept. The kept fragments of the article name this date in their keys, so the
    page shows the note as soon as the purge lets a reader's request through."""
    from .models import ArticlePage

    changed = note.changed_at
    ArticlePage.objects.filter(pk=note.article_id).filter(
        Q(updated_at__isnull=True) | Q(updated_at__lt=changed)
    ).update(updated_at=changed)


class ArticleNotePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, then the note's state. A never-published note is a draft like any
    other. A published one is changed only by those who may publish notes (éditeurs), is never
    deleted nor unpublished (withdrawing it is a change, with its reason, that leaves a trace),
    and a withdrawn one is final: not even a superuser makes a correction vanish quietly."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "unpublish":
            return False
        if instance.first_published_at is not None:
            if action == "delete" or (action == "change" and instance.withdrawn):
                return False
            if action == "change":
                return self.user_has_permission(user, "publish")
        return super().user_has_permission_for_instance(user, action, instance)


class ArticleNoteForm(WagtailAdminModelForm):
    """A new note: its article (a published one), kind and text. A published note: its article
    is fixed, and a change or a withdrawal needs a reason, asked afresh each time (the field
    starts empty unless a draft is pending)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.published = self.instance.first_published_at is not None
        if self.published:
            self.fields["article"].disabled = True
            self.fields["reason"].required = True
            if not self.instance.has_unpublished_changes:
                self.initial["reason"] = ""
        else:
            del self.fields["withdrawn"], self.fields["reason"]

    def clean_article(self):
        article = self.cleaned_data["article"]
        if article is not None and not self.published and not article.live:
            raise ValidationError(_("Notes are added to published articles only."))
        return article


class ArticleNotesPanel(Panel):
    """On the article's edit screen: its notes, each linking to its own edit view, and a link
    to add one, the article already chosen. A link and not a form inside the page's form: a
    note is saved, reviewed and published on its own, whatever happens to the page's draft."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "news/panels/article_notes.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            viewset = ArticleNote.snippet_viewset
            policy = policy_registry.get_by_type(ArticleNote)
            context["notes"] = [
                (note, reverse(viewset.get_url_name("edit"), args=[note.pk]))
                for note in self.instance.notes.order_by("-pk")
            ]
            if self.instance.live and policy.user_has_permission(self.request.user, "add"):
                context["add_url"] = (
                    f"{reverse(viewset.get_url_name('add'))}?article={self.instance.pk}"
                )
            return context


@register_setting(icon="warning")
class NoteSettings(CachedSiteSettingMixin, BaseSiteSetting):
    """Where updates show, and the corrections policy readers find on /rectificatifs/.
    Corrections always show at the top, under the standfirst: a reader must learn of an error
    before reading on."""

    class Position(models.TextChoices):
        TOP = "top", _("At the top, under the standfirst")
        BOTTOM = "bottom", _("At the end of the article")

    updates_position = models.CharField(
        _("position of updates"), max_length=10, choices=Position, default=Position.TOP
    )
    policy = models.TextField(
        _("corrections policy"),
        blank=True,
        help_text=_("Shown at the top of the corrections page: how the newsroom corrects itself."),
    )

    class Meta:
        verbose_name = _("corrections and updates")
