"""« Lettres d'information » in the Wagtail admin: letters, editions, subscribers.

Éditeurs and administrators open letters and compose editions; an edition is sent with its
« Envoyer maintenant » button (or at the time set in « envoyer le »), and is read-only once it
has left. Subscribers are shown, never added by hand: an address enters only by its owner's
double opt-in. No open or click figures exist to show.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from .figures import growth_chart
from .messages import trial_message
from .models import LEFT_WITHIN, Edition, Letter, Subscriber, Subscription
from .services import send_edition


class LetterViewSet(SnippetViewSet):
    model = Letter
    icon = "mail"
    menu_label = _("Newsletters")
    list_display = [
        "title",
        Column("frequency", label=_("frequency"), accessor="get_frequency_display"),
        Column("readers", label=_("Confirmed subscribers"), accessor="readers"),
        Column("active", label=_("open to subscriptions"), accessor="active"),
    ]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("frequency"),
        FieldPanel("sections"),
        MultiFieldPanel(
            [
                FieldPanel("automatic"),
                FieldPanel("send_time"),
                FieldPanel("weekday"),
                FieldPanel("article_count"),
            ],
            heading=_("Automatic edition"),
        ),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("figures/<int:pk>/", self.figures_view, name="figures"),
        ]

    def figures_view(self, request, pk):
        """Readers now and over the last days (a server-drawn SVG chart and its table), and
        each sent edition's figures. Nothing on who opened or clicked: nobody knows."""
        if not self.permission_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        letter = get_object_or_404(Letter, pk=pk)
        points, chart = growth_chart(letter, today=timezone.localdate())
        editions = (
            letter.editions.filter(status__in=[Edition.Status.SENDING, Edition.Status.SENT])
            .with_departures()
            .order_by("-started_at")[:20]
        )
        return TemplateResponse(
            request,
            "letters/admin/figures.html",
            {
                "letter": letter,
                "readers": Subscription.objects.confirmed().filter(letter=letter).count(),
                "points": points,
                "chart": chart,
                "editions": editions,
                "left_within_days": LEFT_WITHIN.days,
                "page_title": gettext("Figures of « %(letter)s »") % {"letter": letter.title},
            },
        )

    def get_queryset(self, request):
        confirmed = Q(
            subscriptions__confirmed_at__isnull=False,
            subscriptions__unsubscribed_at__isnull=True,
        ) & ~Q(subscriptions__subscriber__status=Subscriber.Status.SUSPENDED)
        return Letter.objects.annotate(readers=Count("subscriptions", filter=confirmed))


class EditionEditView(EditView):
    """An edition that has started to leave is no longer edited: what readers received stays
    what the archive shows."""

    def dispatch(self, request, *args, **kwargs):
        edition = get_object_or_404(Edition, pk=kwargs.get("pk"))
        if edition.status in (Edition.Status.SENDING, Edition.Status.SENT):
            messages.warning(
                request, gettext("This edition has been sent: it can no longer change.")
            )
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "doc-full"
    menu_label = _("Editions")
    edit_view_class = EditionEditView
    inspect_view_enabled = True
    ordering = ["-created_at"]
    list_filter = ["letter", "status"]
    list_display = [
        "subject",
        "letter",
        StatusTagColumn(
            "status",
            label=_("status"),
            accessor="get_status_display",
            primary=lambda e: e.status in (Edition.Status.DRAFT, Edition.Status.SCHEDULED),
        ),
        DateColumn("scheduled_at", label=_("send at")),
        DateColumn("sent_at", label=_("sent on")),
        Column("recipient_count", label=_("recipients")),
        Column("sent_count", label=_("sent")),
        Column("failed_count", label=_("failed")),
        Column(
            "left_after",
            label=_("Unsubscribed within 7 days"),
            accessor="left_after",
        ),
    ]
    panels = [
        FieldPanel("letter"),
        FieldPanel("subject"),
        FieldPanel("editor_note"),
        InlinePanel("chosen_articles", label=_("chosen articles"), min_num=1),
        MultiFieldPanel([FieldPanel("scheduled_at")], heading=_("Schedule")),
    ]

    def get_queryset(self, request):
        return Edition.objects.select_related("letter").with_departures()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("send/<int:pk>/", self.send_view, name="send"),
            path("preview/<int:pk>/", self.preview_view, name="preview"),
        ]

    def preview_view(self, request, pk):
        """GET: the e-mail's HTML as readers will get it. POST: the same, sent to oneself."""
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        edition = get_object_or_404(Edition.objects.select_related("letter"), pk=pk)
        if request.method != "POST":
            message = trial_message(edition, email=request.user.email or "essai@exemple.invalid")
            return HttpResponse(message.alternatives[0].content)
        if not request.user.email:
            messages.error(request, gettext("Your account has no e-mail address."))
        else:
            trial_message(edition, email=request.user.email).send()
            messages.success(
                request, gettext("Test sent to %(email)s.") % {"email": request.user.email}
            )
        return redirect(self.get_url_name("send"), pk)

    def send_view(self, request, pk):
        """GET asks, POST sends to every confirmed reader of the letter, now."""
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        edition = get_object_or_404(Edition.objects.select_related("letter"), pk=pk)
        if edition.status not in (Edition.Status.DRAFT, Edition.Status.SCHEDULED):
            messages.warning(request, gettext("This edition has already been sent."))
            return redirect(self.get_url_name("list"))
        if request.method == "POST":
            with transaction.atomic():
                count = send_edition(edition)
            messages.success(
                request,
                gettext("« %(subject)s » is leaving for %(count)s subscribers.")
                % {"subject": edition.subject, "count": count},
            )
            return redirect(self.get_url_name("list"))
        readers = Subscription.objects.confirmed().filter(letter=edition.letter).count()
        return TemplateResponse(
            request,
            "letters/admin/send.html",
            {"edition": edition, "readers": readers, "page_title": gettext("Send the edition")},
        )


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    inspect_view_enabled = True
    search_fields = ["email"]
    search_backend_name = None
    list_filter = ["status", "subscriptions__letter"]
    list_display = [
        "email",
        StatusTagColumn(
            "status",
            label=_("status"),
            accessor="get_status_display",
            primary=lambda s: s.status == Subscriber.Status.ACTIVE,
        ),
        Column("bounce_count", label=_("permanent failures")),
        DateColumn("created_at", label=_("created on")),
    ]


class LettersViewSetGroup(SnippetViewSetGroup):
    items = (LetterViewSet, EditionViewSet, SubscriberViewSet)
    menu_label = _("Newsletters")
    menu_icon = "mail"
    menu_order = 260
