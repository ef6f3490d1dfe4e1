#!/usr/bin/env python3
"""Files a document into a case through the OpenECF API with a personal API token alone — no
browser, no password. An example for programs, and what the end-to-end tests run.

    OPENECF_TOKEN=oecf_pat_… python3 file_with_token.py http://127.0.0.1:8080 nysd 1 motion.pdf \
        --event motionToDismiss --text "by defendant"

The token needs the `file` scope (made in Manage My Account with two-step verification on), and
its owner an e-filing login linked in the court. The first party of the case files unless
`--filer` names a party id. Prints the filing receipt as JSON; exits 1 with the server's message
on a refusal."""
import argparse
import json
import os
import sys
import urllib.error
import urllib.request
import uuid


def call(request):
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def multipart(filing, pdf_name, pdf_bytes, attachments=(), part="filing"):
    """The body of a filing (or, with part="case", of a new case): the JSON part, the main
    document, then each (name, bytes) of `attachments` as attachment1, attachment2…"""
    boundary = "openecf-" + uuid.uuid4().hex
    files = [("document", pdf_name, pdf_bytes)] + [
        (f"attachment{number}", name, data) for number, (name, data) in enumerate(attachments, start=1)]
    body = [f"--{boundary}\r\nContent-Disposition: form-data; name=\"{part}\"\r\n"
            f"Content-Type: application/json\r\n\r\n".encode(), json.dumps(filing).encode(), b"\r\n"]
    for field, name, data in files:
        body += [f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n"
                 f"Content-Type: application/pdf\r\n\r\n".encode(), data, b"\r\n"]
    body.append(f"--{boundary}--\r\n".encode())
    return b"".join(body), f"multipart/form-data; boundary={boundary}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("server")
    parser.add_argument("court")
    parser.add_argument("case")
    parser.add_argument("pdf")
    parser.add_argument("--event", default="motionToDismiss")
    parser.add_argument("--text", default=None, help="words added to the event's docket text")
    parser.add_argument("--filer", default=None, help="the filing party's id (default: the case's first party)")
    args = parser.parse_args(argv)
    token = os.environ.get("OPENECF_TOKEN")
    if not token:
        sys.exit("Set OPENECF_TOKEN to a personal API token with the file scope.")
    headers = {"Authorization": f"Bearer {token}"}
    base = f"{args.server}/api/v1/courts/{args.court}/cases/{args.case}"
    filer = args.filer
    if filer is None:
        status, case = call(urllib.request.Request(base, headers=headers))
        if status != 200:
            print(json.dumps(case), file=sys.stderr)
            return 1
        filer = case["parties"][0]["partyId"]
    filing = {"event": args.event, "filers": [filer], "redactionAcknowledged": True}
    if args.text:
        filing["docketText"] = args.text
    with open(args.pdf, "rb") as file:
        body, content_type = multipart(filing, os.path.basename(args.pdf), file.read())
    request = urllib.request.Request(
        base + "/filings", data=body, method="POST",
        headers={**headers, "Content-Type": content_type, "Idempotency-Key": str(uuid.uuid4())})
    status, receipt = call(request)
    print(json.dumps(receipt, indent=2))
    return 0 if status in (200, 201) else 1


if __name__ == "__main__":
    sys.exit(main())
