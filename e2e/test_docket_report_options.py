"""The docket report's options and a long docket. In Chromium: from a report to its options page,
newest first from document 2 on, read by juriscraper. A generated case of 3,000 entries is sent
in chunks as it is read (never held whole), juriscraper reads every entry in order, and the
receipt at its end charges the docket report's cap."""
import json
import re
import urllib.request

from juriscraper.pacer import DocketReport
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import run_cli
from test_cutover import api, pacer_sign_in, pacer_token
from test_pacer_accounts import click_and_wait, fill

PRESS = ("demo-press", "ink and paper every single day")


def test_the_report_options_filter_and_order_the_entries(demo_server, browser, accessibility_violations):
    court = demo_server
    browser.delete_all_cookies()
    pacer_sign_in(browser, court, *PRESS, "/ecf/nysd/cgi-bin/DktRpt.pl?1")
    click_and_wait(browser, "#report-options")
    assert "Docket report options" in browser.page_source
    assert accessibility_violations() == []
    fill(browser, {"documentFrom": "2"})
    Select(browser.find_element(By.ID, "order")).select_by_value("newest")
    Select(browser.find_element(By.ID, "parties")).select_by_value("no")
    click_and_wait(browser, "form[action='/ecf/nysd/cgi-bin/DktRpt.pl'] button")
    parsed = DocketReport("nysd")
    parsed._parse_text(browser.page_source)
    # Only numbered entries from 2 on (the minute entry is unnumbered); no parties listed.
    assert [e["document_number"] for e in parsed.data["docket_entries"]] == ["2"]
    assert parsed.data["parties"] == []
    assert "documents 2 to …; no parties; newest first" in browser.find_element(By.ID, "receipt").text
    assert accessibility_violations() == []
    status, body, _ = api(court, "GET", "/api/v1/courts/nysd/cases/1/docket?documentTo=0",
                          token=pacer_token(court, *PRESS))
    assert status == 422 and "documentTo" in body["fields"]


def test_a_long_docket_arrives_in_chunks_and_is_read_whole(start_server):
    server = start_server("--demo")
    result = run_cli("court", "generate-case", "nysd", "--entries", "3000", "--parties", "30",
                     "--data-dir", str(server.data_dir), timeout=300)
    assert result.returncode == 0, result.stderr
    case = json.loads(result.stdout.strip().splitlines()[-1])
    press = pacer_token(server, *PRESS)
    request = urllib.request.Request(f"{server.url}/ecf/nysd/cgi-bin/DktRpt.pl?{case['caseId']}",
                                     headers={"Cookie": f"openecf_cso={press}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        assert response.headers["Transfer-Encoding"] == "chunked" and response.headers["Content-Length"] is None
        html = response.read().decode()
    parsed = DocketReport("nysd")
    parsed._parse_text(html)
    entries = parsed.data["docket_entries"]
    assert len(entries) == case["entries"] == 3000
    numbers = [int(e["document_number"]) for e in entries if e["document_number"]]
    assert numbers == list(range(1, case["numberedEntries"] + 1))
    assert len(parsed.data["parties"]) == case["parties"]
    # Far over 30 pages of 4,320 bytes: the docket report's cap.
    receipt = re.sub(r"\s+", " ", html[html.index('id="receipt"'):])
    assert "Billable Pages:</th><td>30</td>" in receipt and "Cost:</th><td>3.00</td>" in receipt
    # The JSON twin streams the same entries, newest first when asked.
    status, docket, headers = api(server, "GET", f"/api/v1/courts/nysd/cases/{case['caseId']}/docket?order=newest",
                                  token=press)
    assert status == 200 and len(docket["entries"]) == 3000
    assert [e["seq"] for e in docket["entries"]] == list(range(3000, 0, -1))
    assert docket["receipt"]["billablePages"] == 30
