"""The demo's accounts: an administrator and one user per newsroom role, to try each screen.

Passwords are random, never fixed in the code: a demo left running on a reachable machine must
not open with a password anyone can read on GitHub. They are kept in `var/` (git-ignored,
readable by its owner only) so that a rerun can show them again. A password its owner changed
since is left alone, and not shown: the file only knows the one it generated.
"""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from gazette.news.newsroom import EDITOR, MODERATOR, WRITER

# (username, group); the administrator is a superuser, in no group.
DEMO_ACCOUNTS = (
    ("admin", ""),
    ("redacteur", WRITER),
    ("editeur", EDITOR),
    ("moderateur", MODERATOR),
)
HEADER = (
    "# Gazette : comptes de démonstration créés par « manage.py load_demo ».\n"
    "# Fichier local, lisible par vous seul ; ne le publiez pas.\n"
)


@dataclass(frozen=True)
class Account:
    username: str
    group: str
    password: str  # empty: changed by its owner since, so unknown here
    renewed: bool = False  # the file had lost it: a new one was set


def read_credentials(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    entries = (line.partition("\t") for line in lines if not line.startswith("#"))
    return {username: password for username, _, password in entries if password}


def write_credentials(path: Path, passwords: dict[str, str]) -> None:
    """Created with mode 600 from the start: no moment where another user could read it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(HEADER + "".join(f"{user}\t{pw}\n" for user, pw in passwords.items()))
    path.chmod(0o600)  # an older file keeps its mode through O_TRUNC


def ensure_accounts(*, path: Path) -> tuple[list[Account], int]:
    """Returns the accounts and how many were created. A user whose password is not in the
    file (file lost, or user made by hand) gets a new one: it is the only way to show it.
    Raises Group.DoesNotExist when migrations have not created the newsroom's groups."""
    users = get_user_model().objects
    known = read_credentials(path)
    passwords, accounts, created = dict(known), [], 0
    for username, group_name in DEMO_ACCOUNTS:
        group = Group.objects.get(name=group_name) if group_name else None
        user = users.filter(username=username).first()
        password = known.get(username, "")
        renewed = user is not None and not password
        if user is None:
            password = password or secrets.token_urlsafe(12)
            email = f"{username}@gazette.invalid"
            if group is None:
                user = users.create_superuser(username, email, password)
            else:
                user = users.create_user(username, email, password)
            created += 1
        elif renewed:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save(update_fields=["password"])
        elif not user.check_password(password):
            password = ""
        if group is not None:
            user.groups.add(group)
        if password:
            passwords[username] = password
        accounts.append(Account(username, group_name, password, renewed))
    if passwords != known:
        write_credentials(path, passwords)
    return accounts, created
