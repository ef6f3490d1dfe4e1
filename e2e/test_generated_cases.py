"""Generated cases read by juriscraper 4.0.1 field by field, against what our JSON API says of the
same case: many parties (some terminated), names in many scripts and with `&`, `<`, quotes,
entries with attachments, unnumbered minute entries, docket text with HTML-special characters — in
a district court (`nysd`) and a bankruptcy court (`nysb`). The docket report, the attachment pages,
the case's RSS feed and the case query."""
import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from juriscraper.lib.string_utils import clean_string, harmonize
from juriscraper.pacer import AttachmentPage, CaseQuery, DocketReport, PacerRssFeed

from conftest import run_cli
from test_cutover import api, pacer_token
from test_docket import get_signed_in

PRESS = ("demo-press", "ink and paper every single day")


def generate(server, court, *options):
    result = run_cli("court", "generate-case", court, *options, "--data-dir", str(server.data_dir), timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "court,options",
    [("nysd", ("--parties", "14", "--entries", "45", "--seed", "2")), ("nysb", ("--parties", "9", "--entries", "30"))],
)
def test_juriscraper_reads_every_field_of_a_generated_case(start_server, court, options):
    server = start_server("--demo")
    case = generate(server, court, *options)
    assert case["terminatedParties"] >= 2 and case["numberedEntries"] < case["entries"]
    press = pacer_token(server, *PRESS)
    status, ours, _ = api(server, "GET", f"/api/v1/courts/{court}/cases/{case['caseId']}/docket", token=press)
    assert status == 200
    status, html = get_signed_in(server, f"/ecf/{court}/cgi-bin/DktRpt.pl?{case['caseId']}", press)
    assert status == 200
    parsed = DocketReport(court)
    parsed._parse_text(html)
    data = parsed.data
    number = ours["case"]["caseNumber"]
    assert number.startswith(data["docket_number"])
    bankruptcy = court.endswith("b")
    assert data["federal_dn_case_type"] == ("bk" if bankruptcy else "cv")
    assert data["federal_dn_judge_initials_assigned"] == number.split("-")[-1]
    title = ours["case"]["title"]
    assert any(c in title for c in "<&'\"") or any(ord(c) > 127 for c in title)
    assert data["case_name"] == (title if bankruptcy else clean_string(harmonize(title)))
    assert str(data["date_filed"]) == ours["case"]["dateFiled"]

    # Every party, in order: type, name, termination, attorneys.
    theirs = [(p["type"], p["name"], p["date_terminated"] and str(p["date_terminated"]),
               [a["name"] for a in p["attorneys"]]) for p in data["parties"]]
    expected = [(p["type"], p["name"], p.get("dateTerminated"), [a["name"] for a in p["attorneys"]])
                for p in ours["case"]["parties"]]
    assert theirs == expected
    assert sum(1 for p in data["parties"] if p["date_terminated"]) == case["terminatedParties"]

    # Every entry, in order: number, document id, sequence number, dates, text.
    entries = data["docket_entries"]
    assert len(entries) == case["entries"] == len(ours["entries"])
    for got, want in zip(entries, ours["entries"]):
        main = next((d for d in want["documents"] if d["attachment"] == 0), None)
        entry_number = want.get("entryNumber")
        assert got["document_number"] == (str(entry_number) if entry_number is not None else None)
        assert got["pacer_doc_id"] == (main["docId"] if main and entry_number is not None else None)
        assert got["pacer_seq_no"] == (str(want["seq"]) if main and entry_number is not None else None)
        assert got["description"].startswith(want["docketText"]), (got["description"], want["docketText"])
        for theirs_date, ours_instant in ((got["date_filed"], want["dateFiled"]), (got["date_entered"], want["dateEntered"])):
            instant = datetime.datetime.fromisoformat(ours_instant.replace("Z", "+00:00"))
            assert theirs_date == instant.astimezone(ZoneInfo("America/New_York")).date()
    specials = [e["description"] for e in entries if "<no ruling> & \"no objection\"" in e["description"]]
    assert specials and all(e["document_number"] is None for e in entries if "MINUTE ENTRY" in e["description"])

    # Each entry with attachments: its attachment page lists them all.
    with_attachments = [e for e in ours["entries"] if len(e["documents"]) > 1][:3]
    assert with_attachments
    for entry in with_attachments:
        main = entry["documents"][0]["docId"]
        status, page = get_signed_in(server, f"/ecf/{court}/doc1/{main[:3]}1{main[4:]}", press)
        assert status == 200
        attachment_page = AttachmentPage(court)
        attachment_page._parse_text(page)
        got = attachment_page.data
        assert got["document_number"] == entry.get("entryNumber") and got["pacer_doc_id"] == main
        assert got["pacer_case_id"] == str(case["caseId"]) and got["pacer_seq_no"] == str(entry["seq"])
        assert [(a["attachment_number"], a["description"], a["pacer_doc_id"], a["page_count"])
                for a in got["attachments"]] == [
            (d["attachment"], d["description"], d["docId"], d["pages"]) for d in entry["documents"][1:]
        ]

    # The case's RSS feed: the latest entries, each with its number and document.
    status, xml = server.get(f"/ecf/{court}/cgi-bin/rss_outside.pl?caseid={case['caseId']}")
    feed = PacerRssFeed(court)
    feed._parse_text(xml)
    by_seq = {str(e["seq"]): e for e in ours["entries"]}
    items = [e for item in feed.data for e in item["docket_entries"]]
    assert xml.count("<item>") == min(100, case["entries"])
    # juriscraper merges items alike in case, time and document (the minute entries, here); every
    # numbered entry is read.
    numbered = {str(e["entryNumber"]) for e in ours["entries"] if e.get("entryNumber") is not None}
    assert {e["document_number"] for e in items if e["document_number"]} == numbered
    for item in feed.data:
        assert number.startswith(item["docket_number"]) and item["pacer_case_id"] == str(case["caseId"])
        if bankruptcy:
            assert (item["type"], item["chapter"], item["trustee_str"]) == ("bk", "7", "Jordan Trustee")
    for got in items:
        if got["pacer_seq_no"]:
            want = by_seq[got["pacer_seq_no"]]
            assert got["document_number"] == str(want.get("entryNumber"))
            assert got["pacer_doc_id"] == want["documents"][0]["docId"]

    # The case query.
    status, page = get_signed_in(server, f"/ecf/{court}/cgi-bin/iquery.pl?{case['caseId']}", press)
    query = CaseQuery(court)
    query._parse_text(page)
    assert number.startswith(query.data["docket_number"])
    assert query.data["case_name"] == data["case_name"]
