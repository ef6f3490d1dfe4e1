"""The public API: its OpenAPI document checked by schemathesis against a running server with a
personal API token; a program that files with a token alone while a webhook receiver gets the
signed entry; the API tokens page and the API reference in Chromium."""
import datetime
import hashlib
import hmac
import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from selenium.webdriver.common.by import By

import pdfs
from conftest import ROOT, free_port, wait_until
from test_cutover import api, pacer_sign_in, pacer_token
from test_pacer_accounts import click_and_wait, fill, totp

CLERK = ("demo-clerk", "clerks keep the docket true")
ATTORNEY = ("demo-attorney", "sunlit harbor of nine courts")
SCHEMATHESIS = ROOT / ".venv" / "bin" / "st"


def turn_on_two_step(server, token, password, clock_offset=0.0):
    status, enrolment, _ = api(server, "POST", "/api/v1/pacer/account/mfa/totp",
                               {"password": password, "name": "tests"}, token)
    assert status == 201, enrolment
    status, codes, _ = api(server, "POST", "/api/v1/pacer/account/mfa/totp/confirm",
                           {"code": totp(enrolment["secret"], time.time() + clock_offset)}, token)
    assert status == 200, codes


def make_token(server, session, name, scopes):
    status, made, _ = api(server, "POST", "/api/v1/pacer/account/tokens", {"name": name, "scopes": scopes}, session)
    assert status == 201, made
    return made["token"]


def test_schemathesis_finds_no_server_error_and_every_answer_matches_the_document(start_server, tmp_path):
    data = tmp_path / "data"
    # The demo data, then the server ten days later: the demo's blackout windows are over, so no
    # court answers 503 (a court in its blackout answers every request 503 by design).
    start_server("--demo", data_dir=data).stop()
    ten_days = 10 * 86400
    later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=ten_days)
    server = start_server("--clock-start", later.strftime("%Y-%m-%dT%H:%M:%SZ"), "--webhooks-allow-private",
                          "--api-token-rate-limit", "1000000", data_dir=data)
    # A token that may do everything the clerk's office may: read, file and clerk.
    session = pacer_token(server, *CLERK)
    turn_on_two_step(server, session, CLERK[1], clock_offset=ten_days)
    token = make_token(server, session, "schemathesis", ["read", "file", "clerk"])
    checks = ("not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,"
              "response_schema_conformance,negative_data_rejection,unsupported_method,allow_header_conformance,"
              "missing_required_header")
    # One worker: hypothesis compiles lambdas with CPython's ast, which is not thread-safe on 3.11.
    run = subprocess.run(
        [str(SCHEMATHESIS), "run", f"{server.url}/api/v1/openapi.json", "-H", f"Authorization: Bearer {token}",
         "--checks", checks, "--phases", "examples,coverage,fuzzing", "--max-examples", "10", "--workers", "1",
         "--continue-on-failure", "--seed", "20261129", "--no-color", "--generation-database", "none"],
        capture_output=True, text=True, timeout=900, cwd=tmp_path)
    report = run.stdout + run.stderr
    (ROOT / "e2e" / "artifacts").mkdir(exist_ok=True)
    (ROOT / "e2e" / "artifacts" / "schemathesis.txt").write_text(report)
    assert run.returncode == 0, report[-6000:]
    assert "Tested: 73" in report or "Tested:" in report, report[-2000:]
    assert "passed" in report and "failures" not in report.split("Test cases:")[-1], report[-2000:]
    assert "status=5" not in server.logs(), "the server answered a 5xx"


class Receiver:
    """A webhook receiver on 127.0.0.1 that keeps every delivery (headers and raw body)."""

    def __init__(self):
        self.deliveries = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.deliveries.append({"path": self.path, "headers": dict(self.headers), "body": body})
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()


def verify(signature, body, secret, tolerance=300):
    """Checks `OpenECF-Signature: t=…,v1=…` as a receiver should (see the API reference)."""
    parts = dict(part.split("=", 1) for part in signature.split(","))
    expected = hmac.new(secret.encode(), parts["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"]) and abs(time.time() - int(parts["t"])) <= tolerance


def test_a_program_files_with_a_token_only_and_the_webhook_gets_the_signed_entry(start_server, tmp_path):
    server = start_server("--demo", "--webhooks-allow-private")
    receiver = Receiver()
    try:
        # Once, by the person: two-step verification, the court login linked, a file token.
        session = pacer_token(server, *ATTORNEY)
        turn_on_two_step(server, session, ATTORNEY[1])
        status, linked, _ = api(server, "POST", "/api/v1/courts/nysd/links",
                                {"login": "avery-attorney", "password": "harbor lights of the ninth circuit"}, session)
        assert status == 201, linked
        token = make_token(server, session, "docketing robot", ["file"])
        status, hook, _ = api(server, "POST", "/api/v1/courts/nysd/webhooks",
                              {"url": receiver.url + "/openecf", "caseId": "1"}, token)
        assert status == 201, hook

        # Then the program, with the token alone.
        pdf = pdfs.write(tmp_path, "motion.pdf", ["MOTION TO DISMISS FOR LACK OF JURISDICTION"])
        run = subprocess.run(
            [sys.executable, str(ROOT / "e2e" / "file_with_token.py"), server.url, "nysd", "1", pdf,
             "--text", "filed by a program"],
            capture_output=True, text=True, timeout=120, env={"OPENECF_TOKEN": token, "PATH": "/usr/bin:/bin"})
        assert run.returncode == 0, run.stdout + run.stderr
        receipt = json.loads(run.stdout)
        assert receipt["entryNumber"] >= 1 and receipt["repeated"] is False
        assert "filed by a program" in receipt["docketText"]

        delivery = wait_until(lambda: next(iter(receiver.deliveries), None), timeout=30,
                              message="the webhook delivery")
        assert delivery["path"] == "/openecf"
        assert verify(delivery["headers"]["OpenECF-Signature"], delivery["body"], hook["secret"])
        assert not verify(delivery["headers"]["OpenECF-Signature"], delivery["body"] + b" ", hook["secret"])
        event = json.loads(delivery["body"])
        assert event["event"] == "docket.entry.created" and event["court"] == "nysd"
        assert event["case"]["caseId"] == "1"
        assert event["entry"]["number"] == receipt["entryNumber"]
        assert event["entry"]["documents"][0]["documentId"] == receipt["documents"][0]["docId"]
        assert delivery["headers"]["OpenECF-Delivery-Id"] == event["id"]

        # The token cannot do what only the person may: make tokens, change the password.
        status, refused, _ = api(server, "POST", "/api/v1/pacer/account/tokens", {"name": "more"}, token)
        assert status == 403 and refused["error"] == "sign_in_needed"
    finally:
        receiver.stop()


def test_the_tokens_page_shows_a_new_token_once_and_revokes_it(demo_server, browser, accessibility_violations):
    browser.delete_all_cookies()
    pacer_sign_in(browser, demo_server, *ATTORNEY, "/pacer/account/tokens")
    assert browser.find_element(By.TAG_NAME, "h1").text == "API tokens"
    assert accessibility_violations() == []
    fill(browser, {"name": "court calendar sync"})
    click_and_wait(browser, "main form.usa-form button[type=submit]")
    secret = browser.find_element(By.ID, "new-token").text
    assert secret.startswith("oecf_pat_")
    assert accessibility_violations() == []
    status, account, _ = api(demo_server, "GET", "/api/v1/pacer/account", token=secret)
    assert status == 200 and account["username"] == ATTORNEY[0]

    browser.get(demo_server.url + "/pacer/account/tokens")
    assert secret not in browser.page_source, "the secret is shown only once"
    assert "…" + secret[-4:] in browser.page_source
    click_and_wait(browser, "button[aria-label='Revoke court calendar sync']")
    assert "is revoked" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    status, refused, _ = api(demo_server, "GET", "/api/v1/pacer/account", token=secret)
    assert status == 401 and "revoked" in refused["message"]

    # A file token needs two-step verification: the form says so by the field.
    fill(browser, {"name": "filer"})
    browser.find_element(By.CSS_SELECTOR, "label[for=scope-file]").click()
    click_and_wait(browser, "main form.usa-form button[type=submit]")
    assert "two-step verification" in browser.find_element(By.ID, "error-summary").text
    assert accessibility_violations() == []


def test_the_api_reference_is_a_page_of_its_own(demo_server, browser, accessibility_violations):
    browser.get(demo_server.url + "/api/docs")
    assert browser.find_element(By.TAG_NAME, "h1").text == "OpenECF API reference"
    operations = browser.find_elements(By.CSS_SELECTOR, "section.openecf-operation h3 code")
    assert len(operations) >= 76
    assert any(op.text == "POST /api/v1/courts/{court}/cases/{caseId}/filings" for op in operations)
    assert accessibility_violations() == []
    status, document = demo_server.get_json("/api/v1/openapi.json")
    assert status == 200 and document["openapi"] == "3.1.0"


def test_a_search_is_saved_from_its_results_and_listed_for_alerts(demo_server, browser, accessibility_violations):
    browser.delete_all_cookies()
    pacer_sign_in(browser, demo_server, "demo-press", "ink and paper every single day", "/pacer/search?q=dismiss")
    wait_until(lambda: browser.find_elements(By.ID, "save-search"), timeout=15, message="the save link")
    click_and_wait(browser, "#save-search")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Saved searches and alerts"
    assert browser.find_element(By.ID, "query").get_attribute("value") == "dismiss"
    assert browser.find_element(By.ID, "kind-text").is_selected()
    assert accessibility_violations() == []
    click_and_wait(browser, "main form.usa-form button[type=submit]")
    assert "Name the search" in browser.find_element(By.ID, "error-summary").text
    assert accessibility_violations() == []
    fill(browser, {"name": "motions to dismiss"})
    browser.find_element(By.CSS_SELECTOR, "label[for=frequency-daily]").click()
    click_and_wait(browser, "main form.usa-form button[type=submit]")
    assert "Saved" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    row = browser.find_element(By.XPATH, "//tr[th[normalize-space()='motions to dismiss']]")
    assert "Daily" in row.text and "dismiss" in row.text
    click_and_wait(browser, "button[aria-label='Delete motions to dismiss']")
    assert "deleted" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text


def test_a_webhook_is_added_and_deleted_in_the_browser(start_server, browser, accessibility_violations):
    server = start_server("--demo", "--webhooks-allow-private")
    receiver = Receiver()
    try:
        browser.delete_all_cookies()
        pacer_sign_in(browser, server, "demo-press", "ink and paper every single day", "/ecf/nysd/webhooks")
        assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Docket webhooks in")
        assert accessibility_violations() == []
        fill(browser, {"url": receiver.url + "/hook", "number": "9:99-cv-99999"})
        click_and_wait(browser, "main form.usa-form button[type=submit]")
        assert "No case of this court has this number" in browser.find_element(By.ID, "error-summary").text
        assert accessibility_violations() == []
        fill(browser, {"url": receiver.url + "/hook", "number": ""})
        click_and_wait(browser, "main form.usa-form button[type=submit]")
        secret = browser.find_element(By.ID, "webhook-secret").text
        assert secret.startswith("whsec_")
        assert "Every public entry of the court" in browser.page_source
        assert accessibility_violations() == []
        click_and_wait(browser, f"button[aria-label='Delete the webhook to {receiver.url}/hook']")
        assert "deleted" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
        assert "You have no webhooks in this court yet." in browser.page_source
    finally:
        receiver.stop()
