"""Mail through the outbox to a real SMTP server: delivered, kept while the server is down, and
re-sent after a crash mid-delivery."""
import time

from conftest import free_port, run_cli, wait_until
from mailbox_server import MailServer


def queue_test_mail(server, recipient, env=None):
    result = run_cli("mail", "test", "--to", recipient, "--data-dir", str(server.data_dir), env=env)
    assert result.returncode == 0, result.stderr
    # "Queued <id@host> for recipient."
    return result.stdout.split()[1]


def test_a_message_put_in_the_outbox_reaches_the_smtp_server(mail_server, start_server):
    env = {"OPENECF_MAIL_FROM": "OpenECF Test <ecf@openecf.test>"}
    server = start_server("--smtp-url", mail_server.url, env=env)
    message_id = queue_test_mail(server, "jane.doe@example.org", env=env)
    item = mail_server.wait_for(lambda m: m["message"]["Message-ID"] == message_id, timeout=20)
    message = item["message"]
    assert item["to"] == ["jane.doe@example.org"]
    assert item["from"] == "ecf@openecf.test"
    assert message["From"] == "OpenECF Test <ecf@openecf.test>"
    assert message["Subject"] == "OpenECF test message"
    assert message.get_content_type() == "multipart/alternative"
    parts = [part.get_content_type() for part in message.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert "outgoing mail works" in message.get_body(("plain",)).get_content()
    wait_until(lambda: "openecf_outbox_backlog_messages 0" in server.get("/metrics")[1], message="an empty backlog")


def test_without_smtp_mail_is_written_as_eml_files(start_server):
    server = start_server()
    message_id = queue_test_mail(server, "jane.doe@example.org")
    mail_dir = server.data_dir / "mail"
    files = wait_until(lambda: list(mail_dir.glob("*.eml")), message=".eml file")
    text = files[0].read_text()
    assert f"Message-ID: {message_id}" in text
    assert "To: jane.doe@example.org" in text


def test_messages_wait_while_the_smtp_server_is_down(start_server):
    port = free_port()
    server = start_server("--smtp-url", f"smtp://127.0.0.1:{port}")
    message_id = queue_test_mail(server, "waiting@example.org")
    wait_until(lambda: "outbox delivery failed; will retry" in server.logs(), message="a failed attempt")
    assert "openecf_outbox_backlog_messages 1" in server.get("/metrics")[1]

    mail_server = MailServer(port=port).start()
    try:
        item = mail_server.wait_for(lambda m: m["message"]["Message-ID"] == message_id, timeout=45)
        assert item["to"] == ["waiting@example.org"]
    finally:
        mail_server.stop()


def test_a_server_killed_mid_delivery_sends_again_on_restart(mail_server, start_server, tmp_path):
    data_dir = tmp_path / "data"
    mail_server.hold.set()  # the SMTP server takes the message but never answers the final dot
    server = start_server("--smtp-url", mail_server.url, data_dir=data_dir)
    message_id = queue_test_mail(server, "crash@example.org")
    assert mail_server.data_started.wait(timeout=20), "delivery never reached DATA"
    server.kill()
    mail_server.hold.clear()
    time.sleep(0.3)
    assert all(m["message"]["Message-ID"] != message_id for m in mail_server.received())

    restarted = start_server("--smtp-url", mail_server.url, data_dir=data_dir)
    item = mail_server.wait_for(lambda m: m["message"]["Message-ID"] == message_id, timeout=30)
    assert item["to"] == ["crash@example.org"]
    wait_until(lambda: "openecf_outbox_backlog_messages 0" in restarted.get("/metrics")[1], message="an empty backlog")
