#!/usr/bin/env python3
"""Generate OpenECF's registry of US federal courts.

Sources: the `courts-db` package (court ids, names, kinds, locations) and juriscraper's
`get_doc_id_prefix_from_court_id` (the CM/ECF document-id prefix of each PACER court).
A court is listed when courts-db knows it as a current federal court and juriscraper knows
its document-id prefix. Time zones are not in either package: each court's zone is the zone
of its seat, from the state table below, with overrides for the districts whose seat lies in
another zone than most of the state.

Run: .venv/bin/python scripts/generate_courts.py > Sources/ECFDomain/Courts/FederalCourts+Registry.swift
"""
import logging
import re
import sys

logging.disable(logging.CRITICAL)

from courts_db import courts  # noqa: E402
from juriscraper.pacer.utils import get_doc_id_prefix_from_court_id  # noqa: E402

STATE_ZONES = {
    "Alabama": "America/Chicago", "Alaska": "America/Anchorage", "Arizona": "America/Phoenix",
    "Arkansas": "America/Chicago", "California": "America/Los_Angeles", "Colorado": "America/Denver",
    "Connecticut": "America/New_York", "Delaware": "America/New_York",
    "District of Columbia": "America/New_York", "Washington D.C.": "America/New_York",
    "Florida": "America/New_York",
    "Georgia": "America/New_York", "Hawaii": "Pacific/Honolulu", "Idaho": "America/Boise",
    "Illinois": "America/Chicago", "Indiana": "America/Indiana/Indianapolis", "Iowa": "America/Chicago",
    "Kansas": "America/Chicago", "Kentucky": "America/New_York", "Louisiana": "America/Chicago",
    "Maine": "America/New_York", "Maryland": "America/New_York", "Massachusetts": "America/New_York",
    "Michigan": "America/Detroit", "Minnesota": "America/Chicago", "Mississippi": "America/Chicago",
    "Missouri": "America/Chicago", "Montana": "America/Denver", "Nebraska": "America/Chicago",
    "Nevada": "America/Los_Angeles", "New Hampshire": "America/New_York",
    "New Jersey": "America/New_York", "New Mexico": "America/Denver", "New York": "America/New_York",
    "North Carolina": "America/New_York", "North Dakota": "America/Chicago", "Ohio": "America/New_York",
    "Oklahoma": "America/Chicago", "Oregon": "America/Los_Angeles", "Pennsylvania": "America/New_York",
    "Rhode Island": "America/New_York", "South Carolina": "America/New_York",
    "South Dakota": "America/Chicago", "Tennessee": "America/Chicago", "Texas": "America/Chicago",
    "Utah": "America/Denver", "Vermont": "America/New_York", "Virginia": "America/New_York",
    "Washington": "America/Los_Angeles", "West Virginia": "America/New_York",
    "Wisconsin": "America/Chicago", "Wyoming": "America/Denver", "Puerto Rico": "America/Puerto_Rico",
    "Guam": "Pacific/Guam", "Virgin Islands": "America/St_Thomas",
    "Northern Mariana Islands": "Pacific/Saipan",
}

# Courts whose seat is not in their state's usual zone, and courts of appeals (by their seat).
COURT_ZONES = {
    "tned": "America/New_York", "tneb": "America/New_York",
    "kywd": "America/Kentucky/Louisville", "kywb": "America/Kentucky/Louisville",
    "ca1": "America/New_York", "ca2": "America/New_York", "ca3": "America/New_York",
    "ca4": "America/New_York", "ca5": "America/Chicago", "ca6": "America/New_York",
    "ca7": "America/Chicago", "ca8": "America/Chicago", "ca9": "America/Los_Angeles",
    "ca10": "America/Denver", "ca11": "America/New_York", "cadc": "America/New_York",
    "cafc": "America/New_York", "cit": "America/New_York", "cofc": "America/New_York",
    "jpml": "America/New_York",
}

APPELLATE = re.compile(r"^ca(\d+|dc|fc)$")


def kind_of(court_id):
    """The kind from the PACER court id: courts-db files some district courts as appellate
    (they hear appeals from bankruptcy courts), so its `type` is not used."""
    if APPELLATE.match(court_id):
        return "appellate"
    if court_id.endswith("b"):
        return "bankruptcy"
    if court_id.endswith("d"):
        return "district"
    return "national"  # Court of International Trade, Court of Federal Claims, JPML, CAVC


def zone_of(court):
    if court["id"] in COURT_ZONES:
        return COURT_ZONES[court["id"]]
    location = court.get("location") or ""
    if location not in STATE_ZONES:
        raise SystemExit(f"no time zone for court {court['id']} located in {location!r}")
    return STATE_ZONES[location]


# PACER courts that juriscraper knows but courts-db lists under another id, or not as a federal court.
SUPPLEMENT = [
    {"id": "azb", "name": "United States Bankruptcy Court, D. Arizona", "location": "Arizona"},
    {"id": "neb", "name": "United States Bankruptcy Court, D. Nebraska", "location": "Nebraska"},
    {"id": "cofc", "name": "United States Court of Federal Claims", "location": "District of Columbia"},
]


def doc_id_prefix(court_id):
    try:
        return get_doc_id_prefix_from_court_id(court_id)
    except KeyError:
        return None


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    rows = []
    # juriscraper's prefix table is the list of courts on PACER today, so it decides who is listed;
    # courts-db's dates are not used (it closes D.N.J. in 1801, for one).
    federal = [c for c in courts if c.get("system") == "federal"]
    known = {c["id"] for c in federal}
    for court in federal + [c for c in SUPPLEMENT if c["id"] not in known]:
        prefix = doc_id_prefix(court["id"])
        if prefix is None:
            continue
        kind = kind_of(court["id"])
        rows.append((court["id"], court["name"].strip(), kind, zone_of(court), prefix))
    rows.sort(key=lambda r: r[0])
    ids = [r[0] for r in rows]
    if len(ids) != len(set(ids)):
        raise SystemExit("courts-db lists a federal court id twice")
    out = sys.stdout
    out.write("// Generated by scripts/generate_courts.py from courts-db and juriscraper; do not edit.\n")
    out.write("// swift-format-ignore-file\n\n")
    out.write("extension FederalCourts {\n")
    out.write("    /// Every current US federal court that has a CM/ECF document-id prefix.\n")
    out.write("    static let registry: [FederalCourt] = [\n")
    for cid, name, kind, zone, prefix in rows:
        out.write(
            f"        FederalCourt(id: CourtID({swift_string(cid)}), name: {swift_string(name)}, "
            f"kind: .{kind}, timeZoneID: {swift_string(zone)}, documentIDPrefix: {swift_string(prefix)}),\n"
        )
    out.write("    ]\n}\n")


if __name__ == "__main__":
    main()
