"""What the personal-data commands share (commenters, newsletter subscribers): the address
they are given, checked the same way, and the export written the same way, so a DPO who
answers a request with one command knows the other."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email


def checked_email(email: str) -> str:
    try:
        validate_email(email)
    except ValidationError as error:
        raise CommandError(f"{email} : adresse e-mail invalide.") from error
    return email


def write_export(
    command: BaseCommand, data: dict, output: str | None, *, verbosity: int, done: str
) -> None:
    """JSON on the standard output, or in `output`, then `done` (« … exportés dans FILE »)
    when the command is not silent."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if output is None:
        command.stdout.write(text)
        return
    try:
        Path(output).write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise CommandError(f"{output} : écriture impossible ({error.strerror}).") from error
    if verbosity:
        command.stdout.write(command.style.SUCCESS(done))
