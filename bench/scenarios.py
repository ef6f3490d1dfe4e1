"""The benchmark scenarios. Each measures OpenECF and a baseline in the same run and returns
{name, what, openecf, baseline, ratio, goal, met, details}; a ratio above 1 is better than the
baseline unless `lower_is_better`."""
import http.client
import sqlite3
import time
import urllib.parse
from pathlib import Path

from benchlib import Nginx, percentile, wrk


def result(name, what, openecf, baseline, unit, goal, met, details, lower_is_better=False):
    ratio = (openecf / baseline) if baseline else None
    return {"scenario": name, "what": what, "openecf": round(openecf, 2), "baseline": round(baseline, 2),
            "unit": unit, "ratio": float(f"{ratio:.4g}") if ratio is not None else None,
            "lower_is_better": lower_is_better, "goal": goal, "met": bool(met), "details": details}


def fetch(server, path, cookie=None):
    """One GET through a fresh connection: status, body, time to first byte and to last (s)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=600)
    started = time.perf_counter()
    connection.putrequest("GET", path)
    if cookie:
        connection.putheader("Cookie", cookie)
    connection.endheaders()
    response = connection.getresponse()
    first = response.read(1)
    first_byte = time.perf_counter() - started
    body = first + response.read()
    last_byte = time.perf_counter() - started
    connection.close()
    return response.status, body, first_byte, last_byte


def p1_docket_report(server, work, case_id, token, seconds, connections=64):
    """A 1,000-entry docket report, signed in, under 64 connections, against nginx serving the
    same HTML bytes as a static file."""
    cookie = f"openecf_cso={token}"
    path = f"/ecf/nysd/cgi-bin/DktRpt.pl?{case_id}"
    status, body, _, _ = fetch(server, path, cookie)
    if status != 200 or b"DOCKET FOR CASE" not in body:
        raise RuntimeError(f"the docket report answered {status}")
    static = Path(work) / "static"
    static.mkdir(exist_ok=True)
    (static / "docket.html").write_bytes(body)
    ours = wrk(server.url + path, connections, seconds, headers=[f"Cookie: {cookie}"])
    nginx = Nginx(static).start()
    try:
        theirs = wrk(nginx.url + "/docket.html", connections, seconds)
    finally:
        nginx.stop()
    ratio = ours["requests_per_second"] / theirs["requests_per_second"]
    return result(
        "P1 docket report", f"{len(body) // 1024} KiB docket report, {connections} connections, vs nginx static",
        ours["requests_per_second"], theirs["requests_per_second"], "req/s", "≥ 0.25×", ratio >= 0.25,
        {"openecf": ours, "nginx": theirs, "bytes": len(body)})


def p3_locator_search(server, data_dir, token, searches):
    """Party-name searches of the national locator, one after another, against the bare index
    lookup of the same names on the same database."""
    database = Path(data_dir) / "databases" / "psc.sqlite"
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    names = [row[0] for row in connection.execute(
        "SELECT key FROM locator_keys WHERE key LIKE '% %' ORDER BY rowid LIMIT ?", (searches * 50,))][::50]
    if not names:
        raise RuntimeError("the locator has no party names: was the data generated?")
    ours = []
    for name in names:
        started = time.perf_counter()
        status, _ = server.api("GET", "/api/v1/pacer/locator?party=" + urllib.parse.quote(name), token=token)
        ours.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise RuntimeError(f"the locator answered {status} for {name!r}")
    bare = []
    for name in names:
        started = time.perf_counter()
        # The least a party search must do: the index range of the name's keys, a page of them.
        list(connection.execute(
            "SELECT court, case_id FROM locator_keys WHERE key >= ? AND key < ? LIMIT 26", (name, name + "\uffff")))
        bare.append((time.perf_counter() - started) * 1000)
    connection.close()
    p99, base99 = percentile(ours, 99), percentile(bare, 99)
    return result(
        "P3 locator search", f"{len(names)} party-name searches in turn, vs the bare index lookup",
        p99, base99, "ms p99", "p99 ≤ 2× and ≤ 20 ms", p99 <= 2 * base99 and p99 <= 20,
        {"openecf_p50_ms": round(percentile(ours, 50), 3), "openecf_p99_ms": round(p99, 3),
         "bare_p50_ms": round(percentile(bare, 50), 3), "bare_p99_ms": round(base99, 3), "searches": len(names)},
        lower_is_better=True)


def p5_huge_docket(server, work, case_id, token, entries):
    """The docket report of a case of many entries: time to first and last byte and the server's
    resident memory during the download, against nginx sending the same bytes."""
    cookie = f"openecf_cso={token}"
    with server.peak_rss() as memory:
        status, body, first, last = fetch(server, f"/ecf/nysd/cgi-bin/DktRpt.pl?{case_id}", cookie)
    if status != 200:
        raise RuntimeError(f"the huge docket answered {status}")
    static = Path(work) / "static"
    static.mkdir(exist_ok=True)
    (static / "huge.html").write_bytes(body)
    nginx = Nginx(static).start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=600)
        started = time.perf_counter()
        connection.request("GET", "/huge.html")
        response = connection.getresponse()
        response.read()
        nginx_last = time.perf_counter() - started
        connection.close()
    finally:
        nginx.stop()
    growth = memory.growth_mib
    return result(
        "P5 huge docket", f"{entries:,}-entry docket report ({len(body) / 1e6:.1f} MB), vs nginx sending it",
        last * 1000, nginx_last * 1000, "ms to last byte", "first byte < 50 ms, memory flat",
        first * 1000 < 50 and growth < 32,
        {"first_byte_ms": round(first * 1000, 1), "last_byte_ms": round(last * 1000, 1),
         "nginx_last_byte_ms": round(nginx_last * 1000, 1), "bytes": len(body),
         "rss_before_mib": round(memory.before / 1024, 1), "rss_peak_mib": round(memory.peak / 1024, 1),
         "rss_growth_mib": round(growth, 1)},
        lower_is_better=True)
