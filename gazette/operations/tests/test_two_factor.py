import re
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, settings):
    settings.GAZETTE_ADMIN_2FA = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code would make the next wait a second
    user = get_user_model().objects.create_superuser("claire", "claire@exemple.fr", "x")
    client.force_login(user)
    return user


def code_for(key: bytes) -> str:
    return f"{TOTP(key).token():06d}"


def test_off_by_default(client, settings):
    settings.GAZETTE_ADMIN_2FA = False
    user = get_user_model().objects.create_superuser("paul", "paul@exemple.fr", "x")
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_staff_without_device_enrols_then_reaches_the_admin(client, staff):
    home = reverse("wagtailadmin_home")
    response = client.get(home)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("operations_2fa_setup"))
    page = client.get(response["Location"]).content.decode()
    key = b32decode(re.search(r"<code>([A-Z2-7 ]+)</code>", page)[1].replace(" ", ""))
    wrong = client.post(response["Location"], {"code": "000000"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.filter(confirmed=True).exists()
    done = client.post(response["Location"], {"code": code_for(key)})
    assert done.status_code == 302 and done["Location"] == home
    assert TOTPDevice.objects.get(user=staff).confirmed
    assert client.get(home).status_code == 200


def test_staff_with_device_must_give_a_code_each_session(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="Application", confirmed=True)
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response["Location"].startswith(reverse("operations_2fa_verify"))
    assert client.post(response["Location"], {"code": "123"}).status_code == 200
    done = client.post(response["Location"], {"code": code_for(device.bin_key)})
    assert done["Location"] == reverse("wagtailadmin_explore_root")
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 200
    client.logout()
    client.force_login(staff)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_public_pages_do_not_read_the_session(client, settings):
    settings.GAZETTE_ADMIN_2FA = True
    response = client.get("/sante/vivant")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
