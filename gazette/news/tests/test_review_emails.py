"""The review circuit's e-mails speak to a newsroom: « Bonjour », « modifications demandées »,
« relecture »; Wagtail's French said « Salut », « rejetée » and « workflow »."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from gazette.news.newsroom import EDITOR, WRITER

from .factories import make_article, make_home, make_section

pytestmark = pytest.mark.django_db


def test_submission_and_requested_changes_emails(django_user_model):
    writer, editor = (
        django_user_model.objects.create_user(
            name, password="mot-de-passe-long-42", email=f"{name}@gazette.invalid"
        )
        for name in ("claire", "paul")
    )
    writer.groups.add(Group.objects.get(name=WRITER))
    editor.groups.add(Group.objects.get(name=EDITOR))
    draft = make_article(make_section(make_home(), "Monde"), "Les nappes au plus bas", live=False)
    draft.save_revision(user=writer)

    state = draft.get_workflow().start(draft, writer)
    state.current_task_state.reject(user=editor, comment="Citez la source.")

    to_editor = next(m for m in mail.outbox if m.to == ["paul@gazette.invalid"])
    to_writer = next(m for m in mail.outbox if m.to == ["claire@gazette.invalid"])
    assert "relecture" in to_editor.body.lower()
    assert "modifications" in to_writer.subject.lower() + to_writer.body.lower()
    for message in (to_editor, to_writer):
        text = re.sub(r"https?://\S+", "", message.subject + message.body)  # URLs may say it
        assert "Bonjour" in message.body
        for clumsy in ("Salut", "rejet", "workflow", "(e)"):
            assert clumsy not in text, (clumsy, text)
