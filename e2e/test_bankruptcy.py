"""A bankruptcy court's public pages in CM/ECF's bankruptcy forms, read by juriscraper 4.0.1 field by
field: the docket report ("Bankruptcy Petition #", the chapter, each party's type in italics), the
attachment page (parts counted as CM/ECF's bankruptcy courts count them), the case query and the RSS
feed (`Type: bk Office: 1 Chapter: 7 Trustee: …`). The demo's chapter 7 case in `nysb`."""
import datetime
from zoneinfo import ZoneInfo

import pytest
from juriscraper.pacer import AttachmentPage, CaseQuery, DocketReport, PacerRssFeed

from test_cutover import api, pacer_sign_in, pacer_token
from test_docket import get_signed_in

PRESS = ("demo-press", "ink and paper every single day")
DEBTOR = "María Elena Núñez"


@pytest.fixture
def court(demo_server):
    return demo_server


def today():
    return datetime.datetime.now(ZoneInfo("America/New_York")).date()


def number():
    return f"1:{today().year % 100:02d}-bk-00001"


def test_juriscraper_reads_the_bankruptcy_docket_report(court, browser, accessibility_violations):
    press = pacer_token(court, *PRESS)
    status, html = get_signed_in(court, "/ecf/nysb/cgi-bin/DktRpt.pl?1", press)
    assert status == 200 and "Bankruptcy Petition #:" in html
    parsed = DocketReport("nysb")
    parsed._parse_text(html)
    data = parsed.data
    assert data["docket_number"] == number() and data["federal_dn_case_type"] == "bk"
    assert data["federal_dn_office_code"] == "1" and data["federal_dn_judge_initials_assigned"] == "GC"
    assert data["case_name"] == DEBTOR and data["assigned_to_str"] == "Grace Chen"
    assert data["date_filed"] == today() and data["date_terminated"] is None
    assert [(p["type"], p["name"]) for p in data["parties"]] == [("Debtor", DEBTOR), ("Trustee", "Robert L. Geltzer")]
    assert [a["name"] for a in data["parties"][0]["attorneys"]] == ["Avery Attorney"]
    assert data["parties"][0]["attorneys"][0]["roles"] == ["LEAD ATTORNEY"]
    assert data["parties"][1]["attorneys"] == []
    entries = data["docket_entries"]
    assert [e["document_number"] for e in entries] == ["1", None, "2"]
    assert [e["pacer_seq_no"] for e in entries] == ["1", None, "3"]
    assert entries[0]["description"].startswith(
        f"Chapter 7 Voluntary Petition for Individuals (Filing fee $338.00) filed by Debtor {DEBTOR}."
    )
    # HTML-special characters come through as typed.
    assert entries[1]["description"].startswith(
        "Meeting of Creditors (341) held & concluded. Trustee's report of no distribution <filed>."
    )
    assert all(e["date_filed"] == today() and e["date_entered"] == today() for e in entries)
    status, docket, _ = api(court, "GET", "/api/v1/courts/nysb/cases/1/docket", token=press)
    assert status == 200 and docket["case"]["title"] == DEBTOR and docket["case"]["caseNumber"].startswith(number())
    browser.delete_all_cookies()
    pacer_sign_in(browser, court, *PRESS, "/ecf/nysb/cgi-bin/DktRpt.pl?1")
    assert "Bankruptcy Petition #:" in browser.page_source
    assert accessibility_violations() == []


def test_juriscraper_reads_the_bankruptcy_attachment_page_and_case_query(court):
    press = pacer_token(court, *PRESS)
    status, entries, _ = api(court, "GET", "/api/v1/courts/nysb/cases/1/entries", token=press)
    petition = entries["entries"][0]["documents"]
    menu = petition[0]["docId"][:3] + "1" + petition[0]["docId"][4:]
    status, html = get_signed_in(court, f"/ecf/nysb/doc1/{menu}", press)
    assert status == 200
    parsed = AttachmentPage("nysb")
    parsed._parse_text(html)
    data = parsed.data
    assert data["document_number"] == 1 and data["pacer_doc_id"] == petition[0]["docId"]
    assert data["pacer_case_id"] == "1" and data["pacer_seq_no"] == "1" and data["page_count"] == petition[0]["pages"]
    assert [(a["attachment_number"], a["description"], a["pacer_doc_id"], a["page_count"]) for a in data["attachments"]] == [
        (1, "Schedules A-J", petition[1]["docId"], petition[1]["pages"])
    ]
    status, html = get_signed_in(court, "/ecf/nysb/cgi-bin/iquery.pl?1", press)
    query = CaseQuery("nysb")
    query._parse_text(html)
    assert query.data["docket_number"] == number() and query.data["case_name"] == DEBTOR
    assert query.data["assigned_to_str"] == "Grace Chen" and query.data["date_filed"] == today()


def test_juriscraper_reads_the_bankruptcy_rss_feed(court):
    status, xml = court.get("/ecf/nysb/cgi-bin/rss_outside.pl")
    assert status == 200
    feed = PacerRssFeed("nysb")
    feed._parse_text(xml)
    assert len(feed.data) == 3, "no item was dropped"
    for item in feed.data:
        assert item["docket_number"] == number() and item["case_name"] == DEBTOR and item["pacer_case_id"] == "1"
        assert (item["type"], item["office"], item["chapter"], item["trustee_str"]) == (
            "bk",
            "1",
            "7",
            "Robert L. Geltzer",
        )
    entries = sorted((e for item in feed.data for e in item["docket_entries"]), key=lambda e: e["pacer_seq_no"] or "")
    assert [(e["document_number"], e["short_description"]) for e in entries] == [
        (None, "Minute Entry"),
        ("1", "Voluntary Petition (Chapter 7)"),
        ("2", "Order"),
    ]
