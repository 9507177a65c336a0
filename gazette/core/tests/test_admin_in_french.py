import pytest


@pytest.mark.django_db
def test_admin_login_is_french_with_no_english_label(client):
    html = client.get("/admin/login/").content.decode()
    assert '<html lang="fr"' in html
    assert "Mot de passe" in html
    assert ">Password" not in html
