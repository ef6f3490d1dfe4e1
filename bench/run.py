#!/usr/bin/env python3
"""`make bench`: generates data at a scale, starts `openecf serve` on it, runs each scenario with
its same-run baseline, prints the table and writes it as JSON under bench/results/. A benchmark,
not a test: it fails only when something does not work, never on speed."""
import argparse
import datetime
import json
import shutil
import sys
import time
from pathlib import Path

from benchlib import ROOT, MailSink, OpenECF, machine
from filing import attorney_token
import mixed_load
import scenarios
import write_scenarios

# courts, cases, a docket report's entries (P1), the huge docket's (P5), seconds of load and
# connections, searches (P3), concurrent filers (P2), the connections of each mixed load (P4, the
# last for P7), the fan-out case's counsel (P6) and the upload's megabytes (P7). The tiny scale is
# CI's smoke test, on a debug build: it must finish.
SCALES = {
    "tiny": dict(courts=3, cases=300, docket=200, huge=2_000, seconds=3, connections=4, searches=20, filers=4,
                 steps=[4], counsel=20, upload=10),
    "small": dict(courts=20, cases=20_000, docket=1_000, huge=50_000, seconds=10, connections=64, searches=200,
                  filers=32, steps=[8, 16, 32, 64], counsel=500, upload=100),
    "full": dict(courts=94, cases=1_000_000, docket=1_000, huge=50_000, seconds=20, connections=64, searches=1_000,
                 filers=32, steps=[8, 16, 32, 64], counsel=500, upload=100),
}
PRESS = ("demo-press", "ink and paper every single day")


def prepare(binary, work, scale, fresh):
    """The data dir of a scale, generated once and kept for the next run (`--fresh` makes it anew)."""
    data = work / "data"
    marker = work / "generated.json"
    if marker.exists() and not fresh:
        generated = json.loads(marker.read_text())
        if generated.get("scale") == scale:
            print(f"Reusing the data generated in {work} ({generated['cases']:,} cases).")
            return generated
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    server = OpenECF(binary, data)
    print("Seeding the demo data (its accounts sign in for the scenarios)...")
    server.start("--demo", "--log-level", "warning")
    server.stop()
    sizes = SCALES[scale]
    started = time.monotonic()
    summary = server.cli("generate", "--courts", str(sizes["courts"]), "--cases", str(sizes["cases"]))
    seconds = time.monotonic() - started
    print(summary.strip())
    docket = json.loads(server.cli("court", "generate-case", "nysd", "--entries", str(sizes["docket"])))
    huge = json.loads(server.cli("court", "generate-case", "nysd", "--entries", str(sizes["huge"]), "--seed", "2"))
    generated = {"scale": scale, "cases": sizes["cases"], "courts": sizes["courts"],
                 "generate_seconds": round(seconds, 1), "generate_summary": summary.strip(),
                 "docket_case": docket["caseId"], "huge_case": huge["caseId"]}
    marker.write_text(json.dumps(generated, indent=2))
    return generated


def prepare_fanout(server, work, generated, counsel):
    """The case of P6: few entries, `counsel` attorneys of record (made once, kept in the marker)."""
    if generated.get("fanout_counsel") != counsel:
        case = json.loads(server.cli("court", "generate-case", "nysd", "--entries", "2", "--parties", "20",
                                     "--counsel", str(counsel), "--seed", "3"))
        generated.update(fanout_case=case["caseId"], fanout_counsel=counsel)
        (work / "generated.json").write_text(json.dumps(generated, indent=2))
    return generated["fanout_case"]


def table(results):
    lines = [f"{'scenario':<20} {'OpenECF':>12} {'baseline':>12} {'ratio':>9}  {'goal':<30} met", "-" * 92]
    for r in results:
        if "error" in r:
            lines.append(f"{r['scenario']:<20} failed: {r['error']}")
            continue
        ratio = f"{r['ratio']:.3g}×" if r["ratio"] is not None else "-"
        lines.append(f"{r['scenario']:<20} {r['openecf']:>12,.2f} {r['baseline']:>12,.2f} {ratio:>9}  "
                     f"{r['goal']:<30} {'yes' if r['met'] else 'no'}")
        lines.append(f"{'':<20} {r['unit']}: {r['what']}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=SCALES, default="small",
                        help="tiny (a smoke test), small (the default) or full (1M cases, 94 courts)")
    parser.add_argument("--openecf", default=str(ROOT / ".build" / "release" / "openecf"),
                        help="the openecf binary (default: the release build)")
    parser.add_argument("--only", default="", help="comma-separated scenarios, such as P1,P5")
    parser.add_argument("--fresh", action="store_true", help="generate the data again")
    args = parser.parse_args()
    sizes = SCALES[args.scale]
    work = ROOT / "bench" / "work" / args.scale
    generated = prepare(args.openecf, work, args.scale, args.fresh)
    server = OpenECF(args.openecf, work / "data")
    fanout_case = prepare_fanout(server, work, generated, sizes["counsel"])
    # The server's mail (notices of filings above all) goes to a sink that counts it.
    sink = MailSink().start()
    server.start("--log-level", "warning", "--smtp-url", sink.url)
    results = []
    try:
        waited = server.settle()
        if waited >= 1:
            print(f"The server delivered what its outboxes held in {waited:.0f} s.", flush=True)
        wanted = {name.strip().upper() for name in args.only.split(",") if name.strip()}
        runs = [
            ("P1", lambda token: scenarios.p1_docket_report(server, work, generated["docket_case"], token,
                                                            sizes["seconds"], sizes["connections"])),
            ("P3", lambda token: scenarios.p3_locator_search(server, work / "data", token, sizes["searches"])),
            ("P5", lambda token: scenarios.p5_huge_docket(server, work, generated["huge_case"], token,
                                                          sizes["huge"])),
            ("P6", lambda token: write_scenarios.p6_fanout(server, sink, attorney_token(server), fanout_case,
                                                           sizes["counsel"])),
            ("P2", lambda token: write_scenarios.p2_filing(server, work, attorney_token(server), sizes["seconds"],
                                                           sizes["filers"])),
            # An attorney both reads and files in the mix.
            ("P4", lambda token: mixed_load.p4_mixed_load(server, work, attorney_token(server), sizes["seconds"],
                                                          sizes["steps"])),
            ("P7", lambda token: mixed_load.p7_memory(server, work, attorney_token(server), sizes["seconds"],
                                                      sizes["steps"][-1], sizes["upload"])),
        ]
        for name, run in runs:
            if wanted and name not in wanted:
                continue
            print(f"Running {name}...", flush=True)
            # A sign-in lasts 15 minutes: each scenario signs in afresh.
            token = server.sign_in(*PRESS)
            try:
                results.append(run(token))
            except Exception as error:  # a scenario that breaks is reported, and the others run
                results.append({"scenario": name, "error": str(error)})
    finally:
        server.stop()
        sink.stop()
    print()
    print(table(results))
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = ROOT / "bench" / "results" / f"{stamp}-{args.scale}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"scale": args.scale, "machine": machine(), "generated": generated,
                               "results": results}, indent=2, ensure_ascii=False))
    print(f"\nWritten to {out.relative_to(ROOT)}")
    return 1 if any("error" in r for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
