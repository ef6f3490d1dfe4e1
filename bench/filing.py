"""Filing through the API for the benchmarks, as an attorney would: Avery (demo-attorney's court
login in nysd) linked, a new case opened with its fee paid, motions filed into it."""
import http.client
import json
import sys
import uuid

from benchlib import ROOT

sys.path.insert(0, str(ROOT / "e2e"))
from file_with_token import multipart  # noqa: E402
from pdfs import text_pdf  # noqa: E402

ATTORNEY = ("demo-attorney", "sunlit harbor of nine courts")
AVERY = {"login": "avery-attorney", "password": "harbor lights of the ninth circuit"}
CARD = {"cardNumber": "4111 1111 1111 1111", "expiry": "12/30", "cardholder": "Avery Attorney"}
WORDS = ("The moving party respectfully asks the Court to dismiss the amended complaint for failure to "
         "state a claim, for the reasons given in the memorandum of law filed with this motion. ")


def attorney_token(server):
    """demo-attorney signed in, with Avery's nysd login linked (once; later runs find it linked)."""
    token = server.sign_in(*ATTORNEY)
    status, answer = server.api("POST", "/api/v1/courts/nysd/links", AVERY, token=token)
    if status not in (201, 409):
        raise RuntimeError(f"linking Avery in nysd: {status} {answer}")
    return token


def motion_pdf(kilobytes=100):
    """A text-searchable motion of about `kilobytes` KB (pages of 40 lines of plain words)."""
    line = WORDS[:90]
    pages = []
    while len(text_pdf(*pages)) < kilobytes * 1024:
        pages.append([f"{len(pages) * 40 + n + 1}. {line}" for n in range(40)])
    return text_pdf(*pages)


def post(server, path, body, content_type, token, timeout=600):
    """POSTs a body (bytes, or a file object streamed as it is read) with a fresh Idempotency-Key."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        connection.request("POST", path, body=body, headers={
            "Content-Type": content_type, "Authorization": f"Bearer {token}",
            "Idempotency-Key": str(uuid.uuid4())})
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"null")
    finally:
        connection.close()


def open_case(server, token):
    """A new civil case in nysd, Avery for the plaintiff, the fee paid: its id and the plaintiff's
    party id."""
    case = {"title": "Benchmark Holdings LLC v. Load Testing Inc.", "natureOfSuit": 190,
            "cause": "28:1332 Diversity-Breach of Contract", "jurisdiction": "Diversity", "juryDemand": "None",
            "parties": [{"name": "Benchmark Holdings LLC", "type": "plaintiff", "represented": True},
                        {"name": "Load Testing Inc.", "type": "defendant"}],
            "redactionAcknowledged": True, "payment": CARD}
    body, content_type = multipart(case, "complaint.pdf", motion_pdf(10), part="case")
    status, opened = post(server, "/api/v1/courts/nysd/cases", body, content_type, token)
    if status != 201:
        raise RuntimeError(f"opening a case: {status} {opened}")
    return opened["caseId"], first_party(server, "nysd", opened["caseId"], token)


def first_party(server, court, case_id, token):
    status, case = server.api("GET", f"/api/v1/courts/{court}/cases/{case_id}", token=token)
    if status != 200:
        raise RuntimeError(f"reading case {case_id}: {status} {case}")
    return case["parties"][0]["partyId"]


def motion(party, event="motionToDismiss", document=None, attachments=()):
    """A filing's multipart body and Content-Type: `document` (a 100 KB motion unless given) and
    (name, bytes) `attachments`."""
    filing = {"event": event, "filers": [party], "redactionAcknowledged": True,
              "attachments": [{"description": name.removesuffix(".pdf")} for name, _ in attachments]}
    return multipart(filing, "motion.pdf", document or motion_pdf(100), attachments=attachments)


def large_pdf(size, number):
    """A text-searchable exhibit of about `size` bytes (a page of text over a large gray image)."""
    return text_pdf([f"EXHIBIT {number}", "A scanned record of the transaction, with its text."],
                    image_bytes=max(size - 2_000, 1_000))


def entry_count(server, court, case_id, token):
    """How many entries the case's docket holds (every page of the entries API)."""
    count, cursor = 0, None
    while True:
        path = f"/api/v1/courts/{court}/cases/{case_id}/entries" + (f"?cursor={cursor}" if cursor else "")
        status, page = server.api("GET", path, token=token)
        if status != 200:
            raise RuntimeError(f"reading the entries of case {case_id}: {status} {page}")
        count += len(page["entries"])
        cursor = page.get("nextCursor")
        if not cursor:
            return count
