"""The server on PostgreSQL: a PSC database and one database per court (run when
OPENECF_TEST_POSTGRES_URL names a server, as `make test` does)."""
import os
import subprocess
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

POSTGRES_URL = os.environ.get("OPENECF_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="OPENECF_TEST_POSTGRES_URL is not set")


def databases(url):
    parts = urlsplit(url)
    env = dict(os.environ, PGPASSWORD=parts.password or "")
    result = subprocess.run(
        ["psql", "-h", parts.hostname, "-p", str(parts.port or 5432), "-U", parts.username, "-d", "postgres",
         "-Atc", "SELECT datname FROM pg_database"], capture_output=True, text=True, env=env, check=True)
    return set(result.stdout.split())


def test_serve_gives_the_psc_and_each_court_a_database(start_server):
    base = "e2e" + uuid.uuid4().hex[:8]
    parts = urlsplit(POSTGRES_URL)
    url = urlunsplit((parts.scheme, parts.netloc, "/" + base, "", ""))
    server = start_server("--demo", "--database-url", url)
    status, body = server.get_json("/api/v1/courts")
    assert sorted(c["id"] for c in body) == ["cacb", "cacd", "nysb", "nysd"]
    assert {f"{base}_psc", f"{base}_cacd", f"{base}_nysd", f"{base}_cacb", f"{base}_nysb"} <= databases(POSTGRES_URL)
    assert not (server.data_dir / "databases").exists(), "no SQLite files when PostgreSQL is used"
    status, ready = server.get_json("/readyz")
    assert status == 200 and ready["status"] == "ready"
