"""Login throttling that nobody can turn against the newsroom.

django-axes counts the failed logins; what they lock is ours to choose. Locking an account for
every client let anyone who knew a username lock that editor out, again every quarter of an
hour. So the lock falls on the pair (account, client address): whoever guesses is stopped, the
editor at their desk is not. A slower limit per address, whatever the accounts tried, stops one
client guessing at many accounts. Both last GAZETTE_LOGIN_COOLOFF_MINUTES from the last
failure; the address is read by AXES_CLIENT_IP_CALLABLE, through the trusted proxies.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, QuerySet, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from gazette.core.dates import long_datetime

FAILURES = Sum("failures_since_start")


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, with AXES_LOCKOUT_PARAMETERS = [pair, address] in this order."""

    def get_failures(self, request, credentials=None) -> int:
        """Axes compares one count with one limit (AXES_FAILURE_LIMIT): the pair's failures
        are that count, and an address past its own, higher limit counts as at the limit."""
        pair, address = (
            attempts.aggregate(total=FAILURES)["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if address >= settings.GAZETTE_LOGIN_ADDRESS_ATTEMPTS:
            return max(pair, settings.AXES_FAILURE_LIMIT)
        return pair

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful login clears its own pair, not the whole address: whoever has an
        account of their own could otherwise wipe their failures at someone else's."""
        pair, _address = self.filter_user_attempts(request, credentials)
        count, _ = pair.delete()
        return count


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the 429 page says until when, and what is locked. Shown just
    after a failure was counted (axes counts those made during a lockout too, and each
    restarts it), so the lockout ends a cool-off after this request."""
    cool_off = get_cool_off(request)
    response = render(
        request,
        "operations/lockout.html",
        {
            "retry_at": long_datetime(request.axes_attempt_time + cool_off),
            "whole_address": address_failures(request.axes_ip_address)
            >= settings.GAZETTE_LOGIN_ADDRESS_ATTEMPTS,
        },
        status=429,
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    add_never_cache_headers(response)
    return response


def _recent() -> QuerySet:
    threshold = timezone.now() - get_cool_off()
    return AccessAttempt.objects.filter(attempt_time__gte=threshold).order_by()


def address_failures(ip_address: str) -> int:
    return _recent().filter(ip_address=ip_address).aggregate(total=FAILURES)["total"] or 0


def current_lockouts() -> list[dict]:
    """Locked addresses (`whole_address`), then locked pairs, each the latest first."""
    cool_off = get_cool_off()
    pairs = (
        _recent()
        .values("username", "ip_address")
        .annotate(failures=FAILURES, last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    addresses = (
        _recent()
        .values("ip_address")
        .annotate(failures=FAILURES, last=Max("attempt_time"))
        .filter(failures__gte=settings.GAZETTE_LOGIN_ADDRESS_ATTEMPTS)
    )
    lockouts = [{**row, "whole_address": False} for row in pairs]
    lockouts += [{**row, "username": None, "whole_address": True} for row in addresses]
    for row in lockouts:
        row["until"] = row["last"] + cool_off
    return sorted(lockouts, key=lambda row: (not row["whole_address"], -row["until"].timestamp()))
