"""Notices of Electronic Filing end to end, through a real SMTP server (aiosmtpd), read by
juriscraper 4.0.1 as CourtListener reads them: each entitled recipient gets exactly one message
(an attorney with two secondary addresses in copy, the other side's attorney, a media subscriber);
the pro se party without e-service is listed for service by other means; the free-look link opens
the document once; notices queued while the SMTP server is down arrive once when it is back."""
import datetime
import json
from zoneinfo import ZoneInfo
import time
import urllib.request

import pytest
import httpx
from juriscraper.pacer import NotificationEmail, S3NotificationEmail

import pdfs
from conftest import free_port, wait_until
from mailbox_server import MailServer
from test_cutover import api, pacer_token

SUBJECT = "Northwind Shipping Co. v. Bluewater Logistics, Inc. Motion to Dismiss"
AVERY = ["avery.attorney@example.org", "avery.docketing@example.org", "avery.paralegal@example.org"]


def link_and_file(server):
    """Avery links in nysd; the press follows case 2; Avery files a motion with an exhibit there."""
    avery = pacer_token(server, "demo-attorney", "sunlit harbor of nine courts")
    status, body, _ = api(server, "POST", "/api/v1/courts/nysd/links",
                          {"login": "avery-attorney", "password": "harbor lights of the ninth circuit"}, token=avery)
    assert status == 201, body
    press = pacer_token(server, "demo-press", "ink and paper every single day")
    status, body, _ = api(server, "POST", "/api/v1/courts/nysd/cases/2/subscriptions", token=press)
    assert status == 201, body
    status, case, _ = api(server, "GET", "/api/v1/courts/nysd/cases/2", token=avery)
    bluewater = next(p["partyId"] for p in case["parties"] if p["name"] == "Bluewater Logistics, Inc.")
    filing = {"event": "motionToDismiss", "filers": [bluewater], "attachments": [{"description": "Exhibit A"}]}
    response = httpx.post(
        server.url + "/api/v1/courts/nysd/cases/2/filings", headers={"Authorization": f"Bearer {avery}"},
        files={"filing": (None, json.dumps(filing), "application/json"),
               "document": ("motion.pdf", pdfs.text_pdf(["MOTION TO DISMISS"]), "application/pdf"),
               "attachment1": ("exhibit-a.pdf", pdfs.text_pdf(["EXHIBIT A"]), "application/pdf")},
        timeout=30)
    assert response.status_code == 201, response.text
    return case, response.json()


def notices(mail_server):
    return [m for m in mail_server.received() if SUBJECT in str(m["message"]["Subject"])]


def test_each_recipient_gets_one_notice_that_juriscraper_reads(mail_server, start_server):
    server = start_server("--demo", "--smtp-url", mail_server.url, "--public-url", "http://127.0.0.1:{port}")
    # One of Avery's secondary addresses no longer exists: the others still get the notice.
    mail_server.refuse.add("avery.paralegal@example.org")
    case, receipt = link_and_file(server)
    wait_until(lambda: len(notices(mail_server)) >= 3, timeout=30, message="three notices")
    time.sleep(2)
    received = notices(mail_server)
    by_to = {str(m["message"]["To"]).split("<")[-1].rstrip(">"): m for m in received}
    assert sorted(by_to) == ["avery.attorney@example.org", "lee.jordan@example.org", "morgan.media@example.org"]
    assert len(received) == 3, [m["to"] for m in received]
    assert sorted(by_to["avery.attorney@example.org"]["to"]) == sorted(AVERY[:2])
    clerk = pacer_token(server, "demo-clerk", "clerks keep the docket true")

    def service():
        return api(server, "GET", "/api/v1/courts/nysd/cases/2/entries/4/service", token=clerk)[1]["served"]

    wait_until(lambda: all(r["status"] != "queued" for r in service()), message="every notice settled")
    records = {r["name"]: r for r in service()}
    assert records["Avery Attorney"]["status"] == "partlyRefused"
    assert "avery.paralegal@example.org" in records["Avery Attorney"]["problem"]
    assert records["Lee Jordan"]["status"] == records["Morgan Media"]["status"] == "delivered"

    year = datetime.date.today().year % 100
    main = receipt["documents"][0]
    magic_numbers = set()
    for address, item in by_to.items():
        message = item["message"]
        assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
        plain = message.get_body(("plain",)).get_content()
        assert "Notice will be delivered by other means to:\nSam Rivera" in plain.replace("\r\n", "\n")
        whole = S3NotificationEmail("nysd")
        whole._parse_text(item["raw"].decode())
        html = NotificationEmail("nysd")
        html._parse_text(message.get_body(("html",)).get_content())
        for data in (whole.data, html.data):
            [docket] = data["dockets"]
            assert docket["case_name"] == "Northwind Shipping Co. v. Bluewater Logistics, Inc."
            assert docket["docket_number"] == f"2:{year:02d}-cv-00002"
            assert docket["federal_dn_office_code"] == "2" and docket["federal_dn_case_type"] == "cv"
            assert docket["federal_dn_judge_initials_assigned"] in ("HE", "MW")
            [entry] = docket["docket_entries"]
            assert entry["document_number"] == "4"
            assert entry["pacer_doc_id"] == main["docId"]
            assert entry["pacer_case_id"] == "2" and entry["pacer_seq_no"] == "4"
            # juriscraper drops the "#" of "(Attachments: # 1 …)" as it does for CM/ECF's own notices.
            assert entry["description"] == receipt["docketText"].replace("# 1", "1")
            assert str(entry["date_filed"])[:10] == str(datetime.datetime.now(ZoneInfo("America/New_York")).date())
            assert f"magic_num={entry['pacer_magic_num']}" in message.get_body(("plain",)).get_content()
            assert [r["name"] for r in data["email_recipients"]] == ["Lee Jordan", "Avery Attorney", "Morgan Media"]
            assert data["email_recipients"][1]["email_addresses"] == AVERY
            magic_numbers.add((address, entry["pacer_magic_num"]))
    assert len({magic for _, magic in magic_numbers}) == 3, "each recipient has its own free look"

    # The free look: the press's link opens the PDF once without a sign-in; the second time asks for one.
    press = by_to["morgan.media@example.org"]["message"].get_body(("plain",)).get_content()
    link = next(line for line in press.splitlines() if "/doc1/" in line).strip()
    with urllib.request.urlopen(link, timeout=10) as first:
        assert first.headers["Content-Type"] == "application/pdf" and first.read().startswith(b"%PDF-")
    with urllib.request.urlopen(link, timeout=10) as second:
        assert "/pacer/login" in second.geturl() and "free look" in second.read().decode()


def test_notices_wait_for_the_smtp_server_and_arrive_once(start_server):
    port = free_port()
    server = start_server("--demo", "--smtp-url", f"smtp://127.0.0.1:{port}")
    link_and_file(server)
    wait_until(lambda: "outbox delivery failed; will retry" in server.logs(), message="a failed attempt")
    mail_server = MailServer(port=port).start()
    try:
        wait_until(lambda: len(notices(mail_server)) >= 3, timeout=60, message="the notices after the outage")
        time.sleep(3)
        assert len(notices(mail_server)) == 3
        ids = [m["message"]["Message-ID"] for m in notices(mail_server)]
        assert len(set(ids)) == 3
    finally:
        mail_server.stop()


def test_the_press_follows_a_case_and_an_attorney_chooses_a_daily_summary(start_server, browser, accessibility_violations):
    from selenium.webdriver.common.by import By

    from test_cutover import main_text, pacer_sign_in
    from test_pacer_accounts import click_and_wait, fill

    server = start_server("--demo")
    browser.delete_all_cookies()
    pacer_sign_in(browser, server, "demo-press", "ink and paper every single day", "/ecf/nysd/notices")
    assert browser.current_url.endswith("/ecf/nysd/notices")
    assert accessibility_violations() == []
    year = datetime.date.today().year % 100
    fill(browser, {"number": f"2:{year:02d}-cv-00001"})
    click_and_wait(browser, "form[action='/ecf/nysd/notices/follow'] button")
    assert "You now receive this case's public notices." in main_text(browser)
    assert "Roe v. Bolt Fasteners, Inc." in browser.find_element(By.ID, "followed").text
    assert accessibility_violations() == []
    click_and_wait(browser, "#followed form button")
    assert "You no longer receive" in main_text(browser)

    browser.delete_all_cookies()
    pacer_sign_in(browser, server, "demo-clerk", "clerks keep the docket true", "/ecf/nysd/notices")
    browser.find_element(By.CSS_SELECTOR, "label[for=delivery-dailySummary]").click()
    click_and_wait(browser, "form[action='/ecf/nysd/notices/delivery'] button")
    assert "Your notice delivery is saved." in main_text(browser)
    assert browser.find_element(By.ID, "delivery-dailySummary").is_selected()
    assert "Cases you follow" not in main_text(browser)


def test_a_server_killed_while_serving_sends_each_notice_again_with_the_same_message_id(
        mail_server, start_server, tmp_path):
    data_dir = tmp_path / "data"
    mail_server.hold.set()  # the SMTP server takes the first notice but never answers its final dot
    server = start_server("--demo", "--smtp-url", mail_server.url, data_dir=data_dir)
    link_and_file(server)
    assert mail_server.data_started.wait(timeout=30), "delivery never reached DATA"
    server.kill()
    mail_server.hold.clear()
    time.sleep(0.5)

    start_server("--demo", "--smtp-url", mail_server.url, data_dir=data_dir)
    wait_until(lambda: len({m["message"]["Message-ID"] for m in notices(mail_server)}) >= 3, timeout=60,
               message="every notice after the restart")
    time.sleep(3)
    by_id = {}
    for item in notices(mail_server):
        by_id.setdefault(item["message"]["Message-ID"], []).append(item)
    # Three notices; a notice the SMTP server took before the crash may come twice, with its Message-ID.
    assert len(by_id) == 3
    for copies in by_id.values():
        assert len(copies) <= 2 and len({str(c["message"]["To"]) for c in copies}) == 1
