"""The scenarios that file: P2 (concurrent filers into one case), P6 (a filing's notices to a
large service list) and P7's upload (memory while 100 MB arrives). Same shape as scenarios.py."""
import smtplib
import sqlite3
import time
import uuid
from pathlib import Path

from benchlib import ROOT, wrk
from filing import entry_count, first_party, large_pdf, motion, motion_pdf, open_case, post
from scenarios import result

LUA = ROOT / "bench" / "lua"


def p2_filing(server, work, token, seconds, connections=32):
    """Concurrent filers into one new case, each a 100 KB text PDF inspected in full and noticed
    through the outbox, against single-row commits/s of SQLite at the same durability."""
    case_id, party = open_case(server, token)
    body, content_type = motion(party)
    body_file = Path(work) / "filing.body"
    body_file.write_bytes(body)
    requests = Path(work) / "filing-requests.txt"
    requests.write_text(f"FILE /api/v1/courts/nysd/cases/{case_id}/filings\n")
    ours = wrk(server.url + "/", connections, seconds, script=LUA / "requests.lua",
               script_args=[requests, token, body_file, content_type, f"p2-{uuid.uuid4().hex[:8]}"])
    created = ours["counts"].get("Created", 0)
    if ours["counts"].get("Refused or failed"):
        raise RuntimeError(f"{ours['counts']['Refused or failed']} filings were refused or failed")
    # Every confirmed filing is on the docket (the complaint is entry 1); a few more may be, whose
    # answers were on their way when wrk stopped.
    on_docket = entry_count(server, "nysd", case_id, token) - 1
    if created == 0 or not created <= on_docket <= created + connections:
        raise RuntimeError(f"{created} filings confirmed, {on_docket} on the docket")
    filings = created / seconds
    commits = raw_commits(Path(work) / "commits.sqlite", min(seconds, 5))
    return result(
        "P2 filing", f"{connections} filers into one case, {len(body) // 1024} KB PDFs, vs SQLite commits/s",
        filings, commits, "filings/s", "≥ 0.25×", filings / commits >= 0.25,
        {"openecf": ours, "filings": created, "on_docket": on_docket, "case_id": case_id,
         "raw_commits_per_second": round(commits, 1)})


def raw_commits(database, seconds):
    """Single-row transactions a second on a SQLite file beside the server's, with the server's
    settings (write-ahead log, synchronous=FULL): the disk's own limit on commits. The file
    starts empty each run, so one run's figure does not depend on the runs before it."""
    for leftover in (database, *(Path(f"{database}{suffix}") for suffix in ("-wal", "-shm"))):
        Path(leftover).unlink(missing_ok=True)
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE IF NOT EXISTS commits (id INTEGER PRIMARY KEY, at REAL, text TEXT)")
    count, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        connection.execute("BEGIN")
        connection.execute("INSERT INTO commits (at, text) VALUES (?, ?)", (time.time(), "x" * 200))
        connection.execute("COMMIT")
        count += 1
    connection.close()
    return count / seconds


def p6_fanout(server, sink, token, case_id, counsel, rounds=2):
    """A filing in a case whose service list holds `counsel` attorneys: notices a second from the
    filing to the last notice at the mail sink, against smtplib sending the same messages to the
    same sink over one connection. The two take turns, `rounds` times, and each keeps its best:
    the sink is slower on its first few hundred messages (warming up; not profiled), and that
    would weigh on whichever went first."""
    party = first_party(server, "nysd", case_id, token)
    runs = []
    for _ in range(rounds):
        sink.wait_quiet()
        before = sink.received()
        body, content_type = motion(party, event="noticeOfAppearance", document=motion_pdf(10))
        started = time.monotonic()
        status, receipt = post(server, f"/api/v1/courts/nysd/cases/{case_id}/filings", body, content_type, token)
        if status != 201:
            raise RuntimeError(f"the filing answered {status}: {receipt}")
        answered = time.monotonic() - started
        sink.wait_for(before + counsel, timeout=600)
        sink.wait_quiet()
        seconds = sink.last_at - started
        sent = sink.received() - before
        messages = list(sink.kept)[-sent:]
        plain_started = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", sink.port) as smtp:
            for sender, recipients, content in messages:
                smtp.sendmail(sender, recipients, content)
        runs.append({"notices": sent, "seconds": round(seconds, 2), "filing_answered_seconds": round(answered, 2),
                     "entry_number": receipt.get("entryNumber"), "openecf": round(sent / seconds, 1),
                     "smtplib": round(len(messages) / (time.perf_counter() - plain_started), 1),
                     "average_bytes": sum(len(m[2]) for m in messages) // max(len(messages), 1)})
    best = max(runs, key=lambda run: run["openecf"])
    ours, plain = best["openecf"], max(run["smtplib"] for run in runs)
    return result(
        "P6 NEF fan-out",
        f"a filing's {best['notices']} notices, from filing to the last delivered, vs an smtplib loop "
        f"(each the best of {rounds}, in turns)",
        ours, plain, "messages/s", "≥ 1×", ours >= plain, {**best, "runs": runs})


def p7_upload(server, token, megabytes=100):
    """A filing of `megabytes` MB (three PDFs, each under the court's 35 MB limit) streamed to the
    server: its resident memory before and at its peak meanwhile."""
    case_id, party = open_case(server, token)
    main, *exhibits = [large_pdf(megabytes * 1_000_000 // 3, number) for number in range(3)]
    body, content_type = motion(
        party, document=main, attachments=[(f"exhibit-{n}.pdf", pdf) for n, pdf in enumerate(exhibits, start=1)])
    with server.peak_rss() as memory:
        status, receipt = post(server, f"/api/v1/courts/nysd/cases/{case_id}/filings", body, content_type, token)
    if status != 201:
        raise RuntimeError(f"the {megabytes} MB filing answered {status}: {receipt}")
    return memory, len(body)
