"""PACER accounts in a real browser: register, verify by the mailed link, sign in, Manage My
Account, sign out, forgot password and forgot username — with axe-core on every page."""
import json
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


def click_and_wait(browser, css):
    """Clicks what `css` selects, which loads a new page, and waits until the new page is there."""
    from selenium.webdriver.support.ui import WebDriverWait

    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, css).click()
    wait = WebDriverWait(browser, 15)
    wait.until(lambda driver: is_detached(old))
    wait.until(lambda driver: driver.execute_script("return document.readyState") == "complete")


def is_detached(element):
    """Whether the element's page was replaced. Chromium answers a look at an element of a
    discarded page either "stale element" or "does not belong to the document"; Selenium's own
    staleness_of knows only the first."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


def submit(browser):
    click_and_wait(browser, "main button[type=submit]")


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
    click_and_wait(browser, "header form button")
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


def test_a_legacy_account_is_told_to_upgrade_and_upgrades(pacer, mail_server, browser, accessibility_violations, screenshot):
    sign_in(browser, pacer, "lj2012", "oldpass2012")
    assert browser.current_url.endswith("/pacer/account")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "must upgrade it to file" in main and "Legacy" in main
    assert accessibility_violations() == []
    click_and_wait(browser, "form[action='/pacer/account/email-verification'] button")
    assert "verification link" in browser.find_element(By.TAG_NAME, "main").text
    browser.get(mailed_link(mail_server, "lee.jordan@example.org", "Verify your e-mail", "/pacer/verify-email"))
    submit(browser)
    assert browser.current_url.endswith("/pacer/account?notice=emailVerified")
    assert accessibility_violations() == []
    browser.execute_script("document.getElementById('dateOfBirth').value = '1970-01-20'")
    fill(browser, {"county": "Los Angeles", "newPassword": "granite meadow lantern seven"})
    browser.find_element(By.ID, "userType-attorney").click()
    click_and_wait(browser, "form[action='/pacer/account/upgrade'] button")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Your account is upgraded" in main and "Upgraded on" in main
    assert "must upgrade" not in main
    assert accessibility_violations() == []
    screenshot("upgraded")


def test_import_legacy_accounts_reports_bad_rows_by_line(start_server, mail_server, tmp_path):
    from conftest import run_cli

    server = start_server("--smtp-url", mail_server.url)
    csv = tmp_path / "legacy.csv"
    csv.write_text(
        "username,firstName,lastName,email,createdAt\n"
        "ab1234,Ann,Baker,ann.baker@example.org,2011-06-01\n"
        "x,Bad,Row,not-an-email,2011-06-01\n"
        "cd5678,Carl,Diaz,carl.diaz@example.org,2013-12-31\n")
    result = run_cli("account", "import-legacy", str(csv), "--data-dir", str(server.data_dir))
    assert result.returncode == 1
    assert "Imported 2 accounts." in result.stdout
    assert "line 3:" in result.stderr and "username" in result.stderr and "email" in result.stderr
    item = mail_server.wait_for(lambda m: "ann.baker@example.org" in m["to"])
    text = item["message"].get_body(("plain",)).get_content()
    password = text.split("one-time password: ")[1].split()[0]
    status, _ = server.get("/healthz")
    body = json.dumps({"username": "ab1234", "password": password}).encode()
    request = urllib.request.Request(server.url + "/api/v1/pacer/sessions", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        assert response.status == 200, "the mailed one-time password signs in"


def totp(base32_key, at=None):
    """RFC 6238 (SHA-1, 6 digits, 30 seconds), as an authenticator app computes it."""
    import base64
    import hashlib
    import hmac
    import struct
    import time

    key = base64.b32decode(base32_key + "=" * (-len(base32_key) % 8))
    counter = int((at if at is not None else time.time()) // 30)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def sign_out(browser):
    click_and_wait(browser, "header form button")


def test_two_step_enrolment_then_sign_in_with_a_code_and_with_a_backup_code(pacer, browser, accessibility_violations):
    import time

    sign_in(browser, pacer, "demo-attorney", "sunlit harbor of nine courts")
    fill(browser, {"password": "sunlit harbor of nine courts", "name": "my phone"})
    click_and_wait(browser, "form[action='/pacer/account/mfa'] button")
    assert accessibility_violations() == []
    key = browser.find_element(By.ID, "totp-secret").text
    assert browser.find_element(By.ID, "otpauth-link").get_attribute("href").startswith("otpauth://totp/")
    fill(browser, {"code": totp(key)})
    submit(browser)
    codes = [element.text for element in browser.find_elements(By.CSS_SELECTOR, "#backup-codes code")]
    assert len(codes) == 10
    assert accessibility_violations() == []
    sign_out(browser)

    sign_in(browser, pacer, "demo-attorney", "sunlit harbor of nine courts")
    assert "authenticator app" in browser.find_element(By.ID, "error-summary").text
    assert accessibility_violations() == []
    # The next step's code: the current one was spent confirming the app.
    fill(browser, {"username": "demo-attorney", "password": "sunlit harbor of nine courts", "otp": totp(key, time.time() + 30)})
    submit(browser)
    assert browser.current_url.endswith("/pacer/account"), browser.find_element(By.TAG_NAME, "main").text
    assert "Two-step verification is on" in browser.find_element(By.TAG_NAME, "main").text
    sign_out(browser)

    for attempt in range(2):
        sign_in(browser, pacer, "demo-attorney", "sunlit harbor of nine courts")
        fill(browser, {"username": "demo-attorney", "password": "sunlit harbor of nine courts", "otp": codes[0]})
        submit(browser)
        if attempt == 0:
            assert browser.current_url.endswith("/pacer/account"), "a backup code signs in"
            sign_out(browser)
        else:
            assert "used already" in browser.find_element(By.ID, "error-summary").text, "a backup code works once"
