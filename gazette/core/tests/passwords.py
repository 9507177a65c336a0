"""PBKDF2 at 1,000 rounds for the passwords tests make.

Django's 1,000,000 rounds cost 0.37 s a hash here, paid at every account a fixture creates
and every sign-in (hundreds per run). The algorithm keeps its name and the stored hash
carries its round count, so a server that a system test starts with the real settings still
checks these passwords (and strengthens them at the first sign-in, as after an upgrade)."""

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class QuickPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    iterations = 1_000
