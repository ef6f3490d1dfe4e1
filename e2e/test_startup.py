"""Bad configuration and faults at start-up: one clear message per problem, a non-zero exit, and
nothing half-created."""
import json

from conftest import free_port, run_cli


def test_every_configuration_problem_is_listed_at_once(tmp_path):
    data_dir = tmp_path / "data"
    result = run_cli("serve", "--data-dir", str(data_dir), "--port", "eighty", "--database-url", "mysql://x",
                     "--smtp-url", "http://mail", "--clock-start", "yesterday")
    assert result.returncode == 2
    for setting in ("--port", "--database-url", "--smtp-url", "--clock-start"):
        assert setting in result.stderr
    assert not data_dir.exists()


def test_environment_settings_are_checked_too(tmp_path):
    result = run_cli("serve", "--data-dir", str(tmp_path / "d"), env={"OPENECF_SMTP_URL": "smtp://", "OPENECF_PORT": "-1"})
    assert result.returncode == 2
    assert "--smtp-url" in result.stderr and "--port" in result.stderr


def test_unreachable_postgresql_is_one_line_and_creates_nothing(tmp_path):
    data_dir = tmp_path / "data"
    result = run_cli("serve", "--data-dir", str(data_dir),
                     "--database-url", f"postgres://openecf:pw@127.0.0.1:{free_port()}/openecf")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("openecf:")]
    assert len(lines) == 1 and "--database-url" in lines[0] and "connection refused" in lines[0]
    assert not data_dir.exists()


def test_unwritable_data_dir_is_named(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run_cli("serve", "--data-dir", str(blocker / "data"))
    assert result.returncode == 1
    assert "--data-dir" in result.stderr


def test_an_unknown_court_lists_near_matches_and_creates_nothing(tmp_path):
    data_dir = tmp_path / "data"
    result = run_cli("court", "add", "nysdd", "--data-dir", str(data_dir))
    assert result.returncode == 1
    assert 'no US federal court with the id "nysdd"' in result.stderr
    assert "nysd" in result.stderr.split("Did you mean")[1]
    assert not data_dir.exists()


def test_court_add_and_list(tmp_path):
    data_dir = str(tmp_path / "data")
    assert run_cli("court", "add", "ca9", "--data-dir", data_dir).returncode == 0
    again = run_cli("court", "add", "CA9", "--data-dir", data_dir)
    assert again.returncode == 0 and "already enabled" in again.stdout
    listing = run_cli("court", "list", "--data-dir", data_dir)
    assert listing.returncode == 0
    rows = [line.split()[0] for line in listing.stdout.splitlines()[1:]]
    assert rows == ["ca9"]
    assert (tmp_path / "data" / "databases" / "ca9.sqlite").exists()


def test_a_court_added_while_the_server_runs_shows_up(start_server):
    server = start_server("--demo")
    assert run_cli("court", "add", "ilnd", "--data-dir", str(server.data_dir)).returncode == 0
    status, body = server.get_json("/api/v1/courts")
    assert "ilnd" in [court["id"] for court in body]


def test_json_logs_are_one_object_per_line(start_server):
    server = start_server("--log-format", "json")
    server.get("/healthz")
    records = [json.loads(line) for line in server.logs().splitlines() if line.startswith("{")]
    requests = [r for r in records if r.get("message") == "request"]
    assert requests and requests[-1]["path"] == "/healthz" and requests[-1]["status"] == "200"


def test_the_clock_start_is_announced_loudly(start_server):
    server = start_server("--clock-start", "2026-03-06T18:00:00-08:00")
    assert "THE CLOCK IS SET" in server.logs()


def test_court_document_settings_from_the_command_line(tmp_path):
    data_dir = str(tmp_path / "data")
    assert run_cli("court", "add", "cacd", "--data-dir", data_dir).returncode == 0
    refused = run_cli("court", "document-settings", "cacd", "--max-file-mb", "0", "--data-dir", data_dir)
    assert refused.returncode == 1 and "from 1 to 500" in refused.stderr
    chosen = run_cli("court", "document-settings", "cacd", "--max-file-mb", "50", "--scanned-pdfs", "warn",
                     "--data-dir", data_dir)
    assert chosen.returncode == 0 and "files up to 50 MB; scanned PDFs: warn" in chosen.stdout
