"""The C.D. Cal. story end to end, in Chromium with real mail: a court user signs in with the court
login and resets its password; the court's cutover is planned a few seconds ahead; the blackout
begins and the court answers 503 while the PSC works; the cutover completes and each user gets one
"link your account" notice; linking before the upgrade was refused; a legacy PACER user is refused
until it upgrades; linking works once; the old court password no longer signs in; an unlinked user
cannot e-file; the readiness pages show each state — with axe-core on every page."""
import datetime
import json
import time
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By

from conftest import run_cli, wait_until
from test_pacer_accounts import click_and_wait, fill, mailed_link, submit

COURT_PASSWORD = "harbor lights of the ninth circuit"
NEW_COURT_PASSWORD = "granite owl over the harbor"
NOW_ON_NEXTGEN = "is now on NextGen CM/ECF: link your account"


@pytest.fixture
def court(mail_server, start_server):
    return start_server("--demo", "--smtp-url", mail_server.url)


@pytest.fixture(autouse=True)
def fresh_browser(browser):
    browser.delete_all_cookies()
    yield


def main_text(browser):
    return browser.find_element(By.TAG_NAME, "main").text


def api(server, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(server.url + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text else {}), dict(response.headers)
    except urllib.error.HTTPError as error:
        text = error.read().decode()
        return error.code, (json.loads(text) if text else {}), dict(error.headers)


def pacer_token(server, username, password):
    status, body, _ = api(server, "POST", "/api/v1/pacer/sessions", {"username": username, "password": password})
    assert status == 200, body
    return body["token"]


def pacer_sign_in(browser, server, username, password, next_path):
    browser.get(f"{server.url}/pacer/login?next={next_path}")
    fill(browser, {"username": username, "password": password})
    submit(browser)


def phase(server, court_id):
    status, body, _ = api(server, "GET", "/api/v1/courts")
    return next(c["phase"] for c in body if c["id"] == court_id)


def notices_to(mail_server, address):
    return [m for m in mail_server.received()
            if address in str(m["message"]["To"]) and NOW_ON_NEXTGEN in str(m["message"]["Subject"])]


def test_the_cutover_from_legacy_to_nextgen(court, mail_server, browser, accessibility_violations, screenshot):
    # The court on legacy CM/ECF, its plan in words.
    browser.get(court.url + "/ecf/cacd/")
    assert "Legacy CM/ECF" in main_text(browser)
    assert "CM/ECF will be unavailable from" in main_text(browser)
    assert accessibility_violations() == []

    # A court user signs in with the court login, then resets its password through the mail.
    browser.get(court.url + "/ecf/cacd/login")
    assert accessibility_violations() == []
    fill(browser, {"login": "avery-attorney", "password": COURT_PASSWORD})
    submit(browser)
    assert "Signed in with the CM/ECF login avery-attorney" in main_text(browser)
    browser.get(court.url + "/ecf/cacd/forgot-password")
    assert accessibility_violations() == []
    fill(browser, {"loginOrEmail": "avery-attorney"})
    submit(browser)
    assert "If a CM/ECF login matches" in main_text(browser)
    browser.get(mailed_link(mail_server, "avery.attorney@example.org", "Reset your CACD CM/ECF password",
                            "/ecf/cacd/reset-password"))
    assert accessibility_violations() == []
    fill(browser, {"newPassword": NEW_COURT_PASSWORD})
    submit(browser)
    assert "Your CM/ECF password is changed" in main_text(browser)
    fill(browser, {"login": "avery-attorney", "password": NEW_COURT_PASSWORD})
    submit(browser)
    assert "Signed in with the CM/ECF login avery-attorney" in main_text(browser)

    # Linking before the court's upgrade is refused, with the date.
    browser.delete_all_cookies()
    pacer_sign_in(browser, court, "demo-attorney", "sunlit harbor of nine courts", "/ecf/cacd/link")
    assert browser.current_url.endswith("/ecf/cacd/link")
    fill(browser, {"login": "avery-attorney", "password": NEW_COURT_PASSWORD})
    submit(browser)
    assert "still on legacy CM/ECF" in main_text(browser) and "Linking opens" in main_text(browser)
    assert accessibility_violations() == []
    browser.get(court.url + "/ecf/cacd/readiness")
    rows = {row.get_attribute("data-step"): row.text for row in browser.find_elements(By.CSS_SELECTOR, "tr[data-step]")}
    assert "Done" in rows["upgradedAccount"] and "Not yet" in rows["linked"]
    assert accessibility_violations() == []

    # The operator moves the plan to a few seconds from now; the running server sees it at once.
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    blackout_from = now + datetime.timedelta(seconds=10)
    nextgen_at = now + datetime.timedelta(seconds=22)
    result = run_cli("court", "plan-cutover", "cacd", "--nextgen-at", nextgen_at.isoformat(),
                     "--blackout-from", blackout_from.isoformat(), "--blackout-to", nextgen_at.isoformat(),
                     "--data-dir", str(court.data_dir))
    assert result.returncode == 0, result.stderr
    mail_server.wait_for(lambda m: "lee.jordan@example.org" in m["to"]
                         and str(m["message"]["Subject"]).startswith("Revised:"))

    # The blackout: the court answers 503 with Retry-After; the PSC keeps working.
    wait_until(lambda: phase(court, "cacd") == "blackout", timeout=30, message="the blackout")
    status, body, headers = api(court, "GET", "/api/v1/courts/cacd/cutover")
    assert status == 503 and body["error"] == "court_unavailable" and int(headers["Retry-After"]) >= 1
    browser.get(court.url + "/ecf/cacd/")
    assert "Temporarily unavailable" in browser.title and "is unavailable from" in main_text(browser)
    assert accessibility_violations() == []
    browser.get(court.url + "/pacer/account")
    assert "Avery" in main_text(browser)
    screenshot("blackout")

    # The cutover: exactly one "link your account" notice per court user.
    wait_until(lambda: phase(court, "cacd") == "nextGen", timeout=30, message="the cutover")
    for address in ("avery.attorney@example.org", "lee.jordan@example.org", "casey.clerk@example.org"):
        wait_until(lambda: notices_to(mail_server, address), timeout=30, message=f"the notice to {address}")
    time.sleep(3)
    for address in ("avery.attorney@example.org", "lee.jordan@example.org", "casey.clerk@example.org"):
        assert len(notices_to(mail_server, address)) == 1, address

    # A legacy PACER account is refused until it upgrades.
    browser.delete_all_cookies()
    pacer_sign_in(browser, court, "lj2012", "oldpass2012", "/ecf/cacd/link")
    fill(browser, {"login": "lee-jordan", "password": "old maple desk by the window"})
    submit(browser)
    assert "must be upgraded" in main_text(browser)
    browser.get(court.url + "/ecf/cacd/readiness")
    rows = {row.get_attribute("data-step"): row.text for row in browser.find_elements(By.CSS_SELECTOR, "tr[data-step]")}
    assert "Not yet" in rows["upgradedAccount"]
    assert accessibility_violations() == []
    lee = pacer_token(court, "lj2012", "oldpass2012")
    status, body, _ = api(court, "POST", "/api/v1/courts/cacd/links",
                          {"login": "lee-jordan", "password": "old maple desk by the window"}, token=lee)
    assert status == 403 and body["error"] == "pacer_account_not_upgraded"
    api(court, "POST", "/api/v1/pacer/account/email-verification", {}, token=lee)
    link = mailed_link(mail_server, "lee.jordan@example.org", "Verify your e-mail", "/pacer/verify-email")
    api(court, "POST", "/api/v1/pacer/accounts/verify-email", {"token": link.split("token=")[1]})
    status, body, _ = api(court, "POST", "/api/v1/pacer/account/upgrade", {
        "dateOfBirth": "1970-01-20", "street": "1 Main St", "city": "Pasadena", "state": "CA",
        "postalCode": "91101", "county": "Los Angeles", "userType": "attorney",
        "newPassword": "granite meadow lantern seven"}, token=lee)
    assert status == 200, body
    browser.delete_all_cookies()
    pacer_sign_in(browser, court, "lj2012", "granite meadow lantern seven", "/ecf/cacd/link")
    fill(browser, {"login": "lee-jordan", "password": "old maple desk by the window"})
    submit(browser)
    assert "Your CM/ECF login is linked" in main_text(browser)

    # C.D. Cal.: the first PACER visit to the NextGen court by someone who has not linked leads to
    # the linking page. An unlinked user cannot e-file; linking works once.
    browser.delete_all_cookies()
    pacer_sign_in(browser, court, "demo-attorney", "sunlit harbor of nine courts", "/ecf/cacd/")
    assert browser.current_url.endswith("/ecf/cacd/link")
    assert accessibility_violations() == []
    browser.get(court.url + "/ecf/cacd/efile")
    assert "not linked" in main_text(browser)
    browser.get(court.url + "/ecf/cacd/link")
    fill(browser, {"login": "avery-attorney", "password": NEW_COURT_PASSWORD})
    submit(browser)
    assert "Your CM/ECF login is linked" in main_text(browser)
    assert "Your CM/ECF login here is avery-attorney" in main_text(browser)
    assert accessibility_violations() == []
    mail_server.wait_for(lambda m: "avery.attorney@example.org" in m["to"]
                         and "linked to your PACER account" in str(m["message"]["Subject"]))
    browser.get(court.url + "/ecf/cacd/link")
    fill(browser, {"login": "avery-attorney", "password": NEW_COURT_PASSWORD})
    submit(browser)
    assert "Already linked" in main_text(browser)
    browser.get(court.url + "/ecf/cacd/readiness")
    rows = {row.get_attribute("data-step"): row.text for row in browser.find_elements(By.CSS_SELECTOR, "tr[data-step]")}
    assert all("Done" in text for text in rows.values()), rows
    assert "You can e-file in this court" in main_text(browser)
    assert accessibility_violations() == []
    browser.get(court.url + "/ecf/cacd/efile")
    assert "You can e-file in this court with the CM/ECF login avery-attorney" in main_text(browser)
    screenshot("linked")

    # The old court password no longer signs in.
    browser.delete_all_cookies()
    browser.get(court.url + "/ecf/cacd/login")
    fill(browser, {"login": "avery-attorney", "password": NEW_COURT_PASSWORD})
    submit(browser)
    assert "court logins no longer sign in" in main_text(browser)
    assert "Signed in with the CM/ECF login" not in main_text(browser)
    status, body, _ = api(court, "POST", "/api/v1/courts/cacd/legacy-sessions",
                          {"login": "avery-attorney", "password": NEW_COURT_PASSWORD})
    assert status == 409 and body["error"] == "court_on_nextgen"

    # An unlinked user cannot e-file (the API says why).
    clerk = pacer_token(court, "demo-clerk", "clerks keep the docket true")
    status, body, _ = api(court, "GET", "/api/v1/courts/cacd/efile-access", token=clerk)
    assert status == 403 and body["error"] == "not_linked"


def test_the_clerk_dashboard_and_e_file_registration(court, mail_server, browser, accessibility_violations):
    pacer_sign_in(browser, court, "demo-clerk", "clerks keep the docket true", "/ecf/nysd/clerk")
    assert browser.current_url.endswith("/ecf/nysd/clerk")
    assert browser.find_element(By.ID, "linked-count").text == "2"
    assert browser.find_element(By.ID, "registered-count").text == "7"
    assert "lee.jordan@example.org" in browser.find_element(By.ID, "not-linked").text
    assert accessibility_violations() == []
    click_and_wait(browser, "#not-linked tr:nth-child(1) form button")
    assert "The account is disabled" in main_text(browser)
    disabled = browser.find_element(By.ID, "disabled").text
    assert accessibility_violations() == []
    click_and_wait(browser, "#disabled form button")
    assert "enabled again" in main_text(browser)
    assert disabled.split("\n")[1].split(" ")[0] in browser.find_element(By.ID, "not-linked").text
    click_and_wait(browser, "form[action='/ecf/nysd/clerk/remind'] button")
    assert "link reminder was queued" in main_text(browser)
    mail_server.wait_for(lambda m: "lee.jordan@example.org" in m["to"]
                         and "Reminder: link your NYSD" in str(m["message"]["Subject"]))

    # A PACER user asks nysd for e-filing privileges; the clerk approves.
    browser.delete_all_cookies()
    pacer_sign_in(browser, court, "demo-mfa", "two locks guard this door", "/pacer/efile-registration?court=nysd")
    # demo-mfa needs its second factor: use a backup code.
    fill(browser, {"username": "demo-mfa", "password": "two locks guard this door", "otp": "demo0-00002"})
    submit(browser)
    browser.get(court.url + "/pacer/efile-registration?court=nysd")
    assert accessibility_violations() == []
    browser.find_element(By.CSS_SELECTOR, "#role option[value='proSeFiler']").click()
    submit(browser)
    assert "Request sent" in browser.title
    browser.delete_all_cookies()
    pacer_sign_in(browser, court, "demo-clerk", "clerks keep the docket true", "/ecf/nysd/clerk")
    assert "Morgan Media" in main_text(browser)
    click_and_wait(browser, ".registration form[action$='/approve'] button")
    assert "registration is approved" in main_text(browser)
    mail_server.wait_for(lambda m: "morgan.media@example.org" in m["to"]
                         and "is approved" in str(m["message"]["Subject"]))
    assert accessibility_violations() == []


def test_court_accounts_from_the_command_line_while_the_server_runs(court, mail_server, tmp_path):
    csv = tmp_path / "users.csv"
    csv.write_text(
        "login,role,firstName,lastName,email,secondaryEmails,barNumber,barState\n"
        "kim-lee,attorney,Kim,Lee,kim@example.org,kim2@example.org;kim3@example.org,A-77,CA\n"
        "x,judge,,Nobody,not-an-address,,,\n")
    result = run_cli("court-account", "import", "--court", "cacd", str(csv), "--data-dir", str(court.data_dir))
    assert result.returncode == 1 and "Imported 1 account." in result.stdout
    assert "line 3:" in result.stderr and "login" in result.stderr and "email" in result.stderr
    item = mail_server.wait_for(lambda m: "kim@example.org" in str(m["message"]["To"]))
    assert "kim2@example.org" in str(item["message"]["Cc"])
    password = item["message"].get_body(("plain",)).get_content().split("one-time password: ")[1].split()[0]
    status, body, _ = api(court, "POST", "/api/v1/courts/cacd/legacy-sessions",
                          {"login": "kim-lee", "password": password})
    assert status == 201 and body["mustChangePassword"] is True

    result = run_cli("court-account", "create", "--court", "cacd", "--login", "pat-prose", "--role", "proSeFiler",
                     "--first-name", "Pat", "--last-name", "Prose", "--email", "pat@example.org",
                     "--password-stdin", "--data-dir", str(court.data_dir), input_text="quiet river stone bench\n")
    assert result.returncode == 0, result.stderr
    status, body, _ = api(court, "POST", "/api/v1/courts/cacd/legacy-sessions",
                          {"login": "pat-prose", "password": "quiet river stone bench"})
    assert status == 201 and body["role"] == "proSeFiler"

    refused = run_cli("court", "plan-cutover", "cacd", "--nextgen-at", "2020-02-18T00:00",
                      "--data-dir", str(court.data_dir))
    assert refused.returncode == 1 and "must be in the future" in refused.stderr
