"""PACER accounts in a real browser: register, verify by the mailed link, sign in, Manage My
Account, sign out, forgot password and forgot username — with axe-core on every page."""
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By

PASSWORD = "tulip lantern quarry oboe"


@pytest.fixture
def pacer(mail_server, start_server):
    return start_server("--demo", "--smtp-url", mail_server.url)


@pytest.fixture(autouse=True)
def fresh_browser(browser):
    browser.delete_all_cookies()
    yield


def mailed_link(mail_server, to, subject, path):
    item = mail_server.wait_for(lambda m: to in m["to"] and subject in m["message"]["Subject"])
    text = item["message"].get_body(("plain",)).get_content()
    match = re.search(r"https?://\S+" + re.escape(path) + r"\S*", text)
    assert match, text
    return match.group(0)


def fill(browser, values):
    for name, value in values.items():
        field = browser.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)


def submit(browser):
    browser.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()


def register(browser, server, username="jdoe2026", email="jane.doe@example.org"):
    browser.get(server.url + "/pacer/register")
    fill(browser, {
        "firstName": "Jane", "lastName": "Doe", "email": email, "street": "312 N Spring St",
        "city": "Los Angeles", "state": "CA", "postalCode": "90012", "county": "Los Angeles",
        "username": username, "password": PASSWORD,
    })
    browser.execute_script("document.getElementById('dateOfBirth').value = '1985-04-12'")
    browser.find_element(By.ID, "userType-attorney").click()
    browser.find_element(By.ID, "affirmsIndividual").click()
    submit(browser)


def sign_in(browser, server, username, password):
    browser.get(server.url + "/pacer/login")
    fill(browser, {"username": username, "password": password})
    submit(browser)


def test_register_verify_sign_in_and_see_an_upgraded_account(pacer, mail_server, browser, accessibility_violations, screenshot):
    browser.get(pacer.url + "/pacer/register")
    assert accessibility_violations() == []
    register(browser, pacer)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Check your e-mail"
    assert accessibility_violations() == []

    browser.get(mailed_link(mail_server, "jane.doe@example.org", "Verify your e-mail", "/pacer/verify-email"))
    assert accessibility_violations() == []
    submit(browser)
    assert "/pacer/login" in browser.current_url
    assert "e-mail address is verified" in browser.find_element(By.TAG_NAME, "main").text
    assert accessibility_violations() == []

    sign_in(browser, pacer, "jdoe2026", PASSWORD)
    assert browser.current_url.endswith("/pacer/account")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Upgraded" in main and "jdoe2026" in main and "Attorney" in main
    assert accessibility_violations() == []
    screenshot("account")

    cookie = browser.get_cookie("openecf_cso")
    assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Lax"
    browser.find_element(By.CSS_SELECTOR, "header form button").click()
    assert "signed out" in browser.find_element(By.TAG_NAME, "main").text
    request = urllib.request.Request(pacer.url + "/api/v1/pacer/account",
                                     headers={"Authorization": "Bearer " + cookie["value"]})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 401, "signing out ends the token everywhere"


def test_registration_problems_are_shown_by_field(pacer, browser, accessibility_violations):
    browser.get(pacer.url + "/pacer/register")
    fill(browser, {"username": "x", "password": "short", "email": "not-an-address"})
    submit(browser)
    summary = browser.find_element(By.ID, "error-summary").text
    assert "at least 14 characters" in summary and "e-mail address" in summary
    assert browser.find_element(By.ID, "password").get_attribute("aria-invalid") == "true"
    assert browser.find_element(By.ID, "username").get_attribute("value") == "x", "answers are kept"
    assert browser.find_element(By.ID, "password").get_attribute("value") == "", "passwords are not echoed"
    assert accessibility_violations() == []


def test_forgot_password_and_forgot_username_through_the_mail(pacer, mail_server, browser, accessibility_violations):
    browser.get(pacer.url + "/pacer/forgot-username")
    assert accessibility_violations() == []
    fill(browser, {"email": "avery.attorney@example.org"})
    submit(browser)
    item = mail_server.wait_for(lambda m: "Your PACER username" in m["message"]["Subject"])
    assert "demo-attorney" in item["message"].get_body(("plain",)).get_content()

    browser.get(pacer.url + "/pacer/forgot-password")
    assert accessibility_violations() == []
    fill(browser, {"usernameOrEmail": "demo-attorney"})
    submit(browser)
    assert "If an account matches" in browser.find_element(By.TAG_NAME, "main").text
    link = mailed_link(mail_server, "avery.attorney@example.org", "Reset your PACER password", "/pacer/reset-password")
    browser.get(link)
    assert accessibility_violations() == []
    fill(browser, {"newPassword": "violet harbor crane ninety"})
    submit(browser)
    assert "password is changed" in browser.find_element(By.TAG_NAME, "main").text
    sign_in(browser, pacer, "demo-attorney", "violet harbor crane ninety")
    assert browser.current_url.endswith("/pacer/account")

    browser.get(link)
    fill(browser, {"newPassword": "another fine passphrase"})
    submit(browser)
    assert "not valid" in browser.find_element(By.TAG_NAME, "main").text, "a reset link works once"


def test_a_form_without_its_csrf_token_is_refused(pacer):
    body = urllib.parse.urlencode({"username": "demo-attorney", "password": "sunlit harbor of nine courts"}).encode()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(pacer.url + "/pacer/login", data=body))
    assert refused.value.code == 403
    assert "out of date" in refused.value.read().decode()


def test_sign_in_pages_have_no_accessibility_violations(pacer, browser, accessibility_violations):
    browser.get(pacer.url + "/pacer/login")
    assert accessibility_violations() == []
    fill(browser, {"username": "demo-attorney", "password": "wrong password here"})
    submit(browser)
    assert "not right" in browser.find_element(By.ID, "error-summary").text
    assert accessibility_violations() == []
