"""The docket report at CM/ECF's address, read by juriscraper 4.0.1 as CourtListener reads it,
field by field, for each viewer: the public does not see the sealed order, the clerk does; an
unnumbered minute entry keeps its place; the transaction receipt under the report does not
disturb juriscraper; the page passes axe in Chromium."""
import datetime
import urllib.error
import urllib.request
from zoneinfo import ZoneInfo

import pytest
from juriscraper.pacer import DocketReport

from test_cutover import api, pacer_sign_in, pacer_token


@pytest.fixture
def court(start_server):
    return start_server("--demo")


PRESS = ("demo-press", "ink and paper every single day")


def get_signed_in(server, path, token):
    """A page as the browser of a PACER user signed in with `token` gets it (its sign-in cookie)."""
    request = urllib.request.Request(server.url + path, headers={"Cookie": f"openecf_cso={token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read().decode()


def report(html):
    parsed = DocketReport("nysd")
    parsed._parse_text(html)
    return parsed.data


def test_juriscraper_reads_every_field_of_the_docket_report(court):
    press = pacer_token(court, *PRESS)
    status, html = get_signed_in(court, "/ecf/nysd/cgi-bin/DktRpt.pl?2", press)
    assert status == 200
    # The receipt is under the report, in a block of its own.
    assert "Transaction Receipt" in html and "Docket Report" in html and "demo-press" in html
    data = report(html)
    year = datetime.date.today().year % 100
    assert data["docket_number"] == f"2:{year:02d}-cv-00002"
    assert data["case_name"] == "Northwind Shipping Co. v. Bluewater Logistics, Inc."
    assert data["federal_dn_office_code"] == "2" and data["federal_dn_case_type"] == "cv"
    initials = data["federal_dn_judge_initials_assigned"]
    assert {"HE": "Harriet Ellis", "MW": "Marcus Webb"}[initials] == data["assigned_to_str"]
    assert data["cause"] == "28:1332 Diversity-Breach of Contract"
    assert data["nature_of_suit"] == "190 Contract: Other" and data["jurisdiction"] == "Diversity"
    assert data["jury_demand"] == "None" and data["demand"] == "$1,200,000"
    assert str(data["date_filed"]) == str(datetime.datetime.now(ZoneInfo("America/New_York")).date())
    parties = {p["name"]: p for p in data["parties"]}
    assert [p["type"] for p in data["parties"]] == ["Plaintiff", "Defendant", "Interested Party"]
    assert parties["Northwind Shipping Co."]["attorneys"][0]["name"] == "Lee Jordan"
    assert parties["Northwind Shipping Co."]["attorneys"][0]["roles"] == ["LEAD ATTORNEY", "ATTORNEY TO BE NOTICED"]
    assert parties["Bluewater Logistics, Inc."]["attorneys"][0]["name"] == "Avery Attorney"
    assert parties["Sam Rivera"]["attorneys"] == []
    entries = data["docket_entries"]
    assert [e["document_number"] for e in entries] == ["1", "2", "3"]
    assert [e["pacer_seq_no"] for e in entries] == ["1", "2", "3"]
    assert all(e["pacer_doc_id"].startswith("1270") and e["date_entered"] for e in entries)
    assert entries[2]["description"].startswith("ANSWER to Complaint filed by Defendant Bluewater Logistics, Inc.")

    # The JSON twin says the same.
    status, docket, _ = api(court, "GET", "/api/v1/courts/nysd/cases/2/docket", token=press)
    assert status == 200 and docket["case"]["title"] == data["case_name"]
    assert [e["entryNumber"] for e in docket["entries"]] == [1, 2, 3]
    assert docket["receipt"]["description"] == "Docket Report" and docket["receipt"]["cost"]["cents"] >= 10

    # Without a PACER sign-in, the report (which costs money) leads to the sign-in page.
    status, page = court.get("/ecf/nysd/cgi-bin/DktRpt.pl?2")
    assert status == 200 and "CIVIL DOCKET" not in page and 'name="password"' in page


def test_each_viewer_sees_what_it_may_and_the_page_is_accessible(court, browser, accessibility_violations):
    status, html = get_signed_in(court, "/ecf/nysd/cgi-bin/DktRpt.pl?1", pacer_token(court, *PRESS))
    public = report(html)["docket_entries"]
    # The minute entry is unnumbered and keeps its place; the sealed order is not there.
    assert [e["document_number"] for e in public] == ["1", "2", None]
    assert "SEALED ORDER" not in html

    browser.delete_all_cookies()
    pacer_sign_in(browser, court, *PRESS, "/ecf/nysd/cgi-bin/DktRpt.pl?1")
    assert "CIVIL DOCKET FOR CASE #:" in browser.page_source and "Transaction Receipt" in browser.page_source
    assert accessibility_violations() == []
    browser.delete_all_cookies()
    pacer_sign_in(browser, court, "demo-clerk", "clerks keep the docket true", "/ecf/nysd/cgi-bin/DktRpt.pl?1")
    clerk_view = report(browser.page_source)["docket_entries"]
    assert [e["document_number"] for e in clerk_view] == ["1", "2", None, "3"]
    assert "SEALED ORDER" in clerk_view[-1]["description"]
    status, _, _ = api(court, "GET", "/api/v1/courts/nysd/cases/99/docket", token=pacer_token(court, *PRESS))
    assert status == 404


def test_juriscraper_reads_the_courts_rss_feed_of_public_entries(court):
    from juriscraper.pacer import PacerRssFeed

    status, xml = court.get("/ecf/nysd/cgi-bin/rss_outside.pl")
    assert status == 200
    feed = PacerRssFeed("nysd")
    feed._parse_text(xml)
    year = datetime.date.today().year % 100
    by_case = {}
    for docket in feed.data:
        by_case.setdefault(docket["pacer_case_id"], []).append(docket)
    assert sorted(by_case) == ["1", "2"]
    northwind = by_case["2"]
    assert all(d["docket_number"] == f"2:{year:02d}-cv-00002" for d in northwind)
    assert all(d["case_name"] == "Northwind Shipping Co. v. Bluewater Logistics, Inc." for d in northwind)
    entries = sorted((e for d in northwind for e in d["docket_entries"]), key=lambda e: e["document_number"])
    assert [e["document_number"] for e in entries] == ["1", "2", "3"]
    assert [e["short_description"] for e in entries] == ["Complaint", "Notice of Appearance", "Answer to Complaint"]
    assert all(e["pacer_doc_id"].startswith("1270") for e in entries)
    assert [e["pacer_seq_no"] for e in entries] == ["1", "2", "3"]
    # The sealed order of case 1 is not in the public feed; its minute entry is, without a document.
    roe = [e for d in by_case["1"] for e in d["docket_entries"]]
    assert "Order" not in [e["short_description"] for e in roe]
    assert "Minute Entry" in [e["short_description"] for e in roe]
    assert "SEALED" not in xml

    # One case's feed: its entries only.
    status, xml = court.get("/ecf/nysd/cgi-bin/rss_outside.pl?caseid=2")
    assert status == 200 and "Northwind Shipping Co. v. Bluewater Logistics, Inc. - Recent Entries" in xml
    feed = PacerRssFeed("nysd")
    feed._parse_text(xml)
    assert {d["pacer_case_id"] for d in feed.data} == {"2"}
    assert sorted(e["document_number"] for d in feed.data for e in d["docket_entries"]) == ["1", "2", "3"]
    try:
        court.get("/ecf/nysd/cgi-bin/rss_outside.pl?caseid=99")
        raise AssertionError("a feed for a case that does not exist")
    except urllib.error.HTTPError as error:
        assert error.code == 404


def test_juriscraper_reads_the_case_query(court):
    from juriscraper.pacer import CaseQuery

    status, html = get_signed_in(court, "/ecf/nysd/cgi-bin/iquery.pl?2", pacer_token(court, *PRESS))
    assert status == 200 and "Case Query" in html
    query = CaseQuery("nysd")
    query._parse_text(html)
    data = query.data
    year = datetime.date.today().year % 100
    today = datetime.datetime.now(ZoneInfo("America/New_York")).date()
    assert data["docket_number"] == f"2:{year:02d}-cv-00002"
    assert data["case_name"] == "Northwind Shipping Co. v. Bluewater Logistics, Inc."
    assert data["assigned_to_str"] in ("Harriet Ellis", "Marcus Webb")
    assert data["federal_dn_judge_initials_assigned"] in ("HE", "MW")
    assert data["date_filed"] == today and data["date_last_filing"] == today


def test_juriscraper_reads_the_attachment_page(court, browser, accessibility_violations):
    from juriscraper.pacer import AttachmentPage

    press = pacer_token(court, *PRESS)
    _, html = get_signed_in(court, "/ecf/nysd/cgi-bin/DktRpt.pl?1", press)
    motion = report(html)["docket_entries"][1]
    status, entries, _ = api(court, "GET", "/api/v1/courts/nysd/cases/1/entries", token=press)
    documents = next(e for e in entries["entries"] if e["seq"] == 2)["documents"]
    # The motion's number points at its attachment page (CM/ECF's `1` in the fourth digit).
    link = f"/ecf/nysd/doc1/{motion['pacer_doc_id'][:3]}1{motion['pacer_doc_id'][4:]}"
    assert link in html
    status, page = get_signed_in(court, link, press)
    assert status == 200 and "Transaction Receipt" not in page
    parsed = AttachmentPage("nysd")
    parsed._parse_text(page)
    data = parsed.data
    assert data["document_number"] == 2 and data["pacer_case_id"] == "1" and data["pacer_seq_no"] == "2"
    assert data["pacer_doc_id"] == documents[0]["docId"] and data["page_count"] == documents[0]["pages"]
    assert data["file_size_str"].endswith(" KB") and data["file_size_bytes"] > 0
    assert data["attachments"] == [
        {
            "attachment_number": 1,
            "description": "Exhibit A",
            "page_count": documents[1]["pages"],
            "file_size_str": data["attachments"][0]["file_size_str"],
            "file_size_bytes": data["attachments"][0]["file_size_bytes"],
            "pacer_doc_id": documents[1]["docId"],
            "pacer_seq_no": "2",
        }
    ]
    assert data["attachments"][0]["file_size_bytes"] > 0
    browser.delete_all_cookies()
    pacer_sign_in(browser, court, *PRESS, link)
    assert "Exhibit A" in browser.page_source
    assert accessibility_violations() == []
