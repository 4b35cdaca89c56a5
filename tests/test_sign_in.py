"""Signing in to the newsroom: throttling, lock-out, session length, two-factor codes."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-passphrase"
LOGIN = "/admin/login/"


@pytest.fixture
def client():
    """A browser asking for the admin in English."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def make_staff(django_user_model, username, group=None):
    user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(client, username, password=PASSWORD, address="192.0.2.10", **fields):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/", **fields},
        REMOTE_ADDR=address,
    )


def current_code(device):
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code(device):
    return f"{(int(current_code(device)) + 1) % 1_000_000:06d}"


def is_signed_in(client):
    return client.get("/admin/").status_code == 200


# Throttling and lock-out


def test_a_user_name_is_locked_out_after_five_failures_from_any_addresses(
    client, django_user_model
):
    make_staff(django_user_model, "leyla", "Publishers")
    attempts = [sign_in(client, "leyla", "wrong", address=f"198.51.100.{n}") for n in range(5)]
    assert [attempt.status_code for attempt in attempts] == [200, 200, 200, 200, 429]

    locked = sign_in(client, "leyla", address="203.0.113.7")

    assert locked.status_code == 429
    assert not is_signed_in(client)


def test_an_address_is_locked_out_after_five_failures_for_any_user_names(client, django_user_model):
    make_staff(django_user_model, "leyla", "Publishers")
    for attempt in range(5):
        sign_in(client, f"guess{attempt}", "wrong", address="198.51.100.9")

    assert sign_in(client, "leyla", address="198.51.100.9").status_code == 429
    # The same account from another address is not locked: only that address is.
    other = Client()
    assert sign_in(other, "leyla", address="203.0.113.7").status_code == 302


def test_four_failures_then_the_right_password_signs_in_and_resets_the_count(
    client, django_user_model
):
    make_staff(django_user_model, "leyla", "Publishers")
    for _ in range(4):
        sign_in(client, "leyla", "wrong")
    assert sign_in(client, "leyla").status_code == 302
    client.post(reverse("admin:logout"))
    for _ in range(4):
        sign_in(client, "leyla", "wrong")
    assert sign_in(client, "leyla").status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_load_balancer_the_clients_own_address_is_locked(client, django_user_model):
    make_staff(django_user_model, "leyla", "Publishers")
    for attempt in range(5):
        client.post(
            LOGIN,
            {"username": f"guess{attempt}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",  # the load balancer
            HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}, 198.51.100.9",
        )

    locked = Client().post(
        LOGIN,
        {"username": "leyla", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    elsewhere = Client().post(
        LOGIN,
        {"username": "leyla", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.50",
    )

    assert locked.status_code == 429
    assert elsewhere.status_code == 302


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("az", "Ardıcıl 5 yanlış cəhddən sonra giriş dayandırıldı"),
        ("en", "Sign-in was refused after 5 wrong attempts in a row"),
        ("ru", "Вход заблокирован после 5 неудачных попыток подряд"),
    ],
)
def test_the_lockout_page_speaks_the_staff_members_language(
    client, django_user_model, language, text
):
    for _ in range(5):
        sign_in(client, "leyla", "wrong")

    locked = client.post(
        LOGIN, {"username": "leyla", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE=language
    )

    assert locked.status_code == 429
    assert text in locked.content.decode()
    assert f'lang="{language}"' in locked.content.decode()


# Sessions


def test_a_session_ends_after_eight_hours_without_activity(client, django_user_model, time_machine):
    time_machine.move_to("2026-03-02 09:00 +04:00", tick=False)
    make_staff(django_user_model, "aynur", "Authors")
    sign_in(client, "aynur")

    time_machine.move_to("2026-03-02 16:30 +04:00", tick=False)
    assert is_signed_in(client)  # 7 h 30 min later: still working
    time_machine.move_to("2026-03-03 00:00 +04:00", tick=False)
    assert is_signed_in(client)  # 15 h after signing in, but 7 h 30 min after the last page
    time_machine.move_to("2026-03-03 08:01 +04:00", tick=False)
    assert not is_signed_in(client)


# Two-factor sign-in

two_factor_for_publishers = override_settings(TWO_FACTOR_REQUIRED_FOR_PUBLISHERS=True)


@pytest.fixture
def publisher(django_user_model):
    return make_staff(django_user_model, "leyla", "Publishers")


@two_factor_for_publishers
@pytest.mark.parametrize(
    "url", ["/admin/", "/admin/news/article/", "/admin/news/article/add/", "/admin/auth/user/"]
)
def test_a_publisher_without_an_authenticator_is_sent_to_set_one_up(client, publisher, url):
    assert sign_in(client, "leyla").status_code == 302

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:two_factor")


@two_factor_for_publishers
def test_enrolment_shows_a_qr_code_and_the_key_and_confirms_with_a_code(client, publisher):
    sign_in(client, "leyla")
    page = client.get(reverse("admin:two_factor"), HTTP_ACCEPT_LANGUAGE="en")
    device = TOTPDevice.objects.get(user=publisher)
    html = page.content.decode()

    assert page.status_code == 200
    assert "<svg" in html
    assert re.search(r'<code class="two-factor__secret">[A-Z2-7]{32}</code>', html)
    assert not device.confirmed

    refused = client.post(reverse("admin:two_factor"), {"otp_token": wrong_code(device)})
    assert refused.status_code == 200
    assert "This code is not right" in refused.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302

    device.throttle_reset()
    confirmed = client.post(reverse("admin:two_factor"), {"otp_token": current_code(device)})
    assert confirmed["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert is_signed_in(client)


@two_factor_for_publishers
def test_a_publisher_with_an_authenticator_signs_in_with_its_code(client, publisher):
    device = TOTPDevice.objects.create(user=publisher, name="phone", confirmed=True)

    without = sign_in(client, "leyla")
    assert without.status_code == 200
    assert "Enter the code from your authenticator app." in without.content.decode()
    wrong = sign_in(client, "leyla", otp_token=wrong_code(device))
    assert "This code is not right" in wrong.content.decode()
    assert not is_signed_in(client)

    device.throttle_reset()
    assert sign_in(client, "leyla", otp_token=current_code(device)).status_code == 302
    assert is_signed_in(client)


@two_factor_for_publishers
def test_a_publisher_signed_in_by_password_only_cannot_reach_the_admin(client, publisher):
    TOTPDevice.objects.create(user=publisher, name="phone", confirmed=True)
    client.force_login(publisher)

    response = client.get("/admin/news/article/")

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


@two_factor_for_publishers
@pytest.mark.parametrize("group", ["Authors", "Translators: English"])
def test_authors_and_translators_sign_in_with_a_password_alone(client, django_user_model, group):
    make_staff(django_user_model, "aynur", group)
    assert sign_in(client, "aynur").status_code == 302
    assert is_signed_in(client)


@two_factor_for_publishers
def test_an_author_who_set_up_an_authenticator_gives_its_code(client, django_user_model):
    author = make_staff(django_user_model, "aynur", "Authors")
    device = TOTPDevice.objects.create(user=author, name="phone", confirmed=True)

    assert sign_in(client, "aynur").status_code == 200
    assert sign_in(client, "aynur", otp_token=current_code(device)).status_code == 302


def test_without_the_setting_publishers_need_no_code(client, publisher):
    assert sign_in(client, "leyla").status_code == 302
    assert is_signed_in(client)


@two_factor_for_publishers
def test_a_publisher_may_sign_out_before_setting_up_the_authenticator(client, publisher):
    sign_in(client, "leyla")
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 200
    assert client.get(reverse("admin:two_factor"))["Location"].startswith(LOGIN)


def test_enrolment_is_for_signed_in_staff_only(client, django_user_model):
    assert client.get(reverse("admin:two_factor"))["Location"].startswith(LOGIN)
    django_user_model.objects.create_user("visitor", password=PASSWORD)
    client.force_login(django_user_model.objects.get(username="visitor"))
    assert client.get(reverse("admin:two_factor"))["Location"].startswith(LOGIN)
    assert not TOTPDevice.objects.exists()
