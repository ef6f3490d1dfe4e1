"""A real SMTP server for the tests (aiosmtpd), keeping every message it accepts. It can be told
to hold the DATA answer until released, to stand for a mail server that hangs mid-delivery."""
import email
import email.policy
import threading
import time

from aiosmtpd.controller import Controller


class _Handler:
    def __init__(self, server):
        self.server = server

    async def handle_RCPT(self, smtp_server, session, envelope, address, rcpt_options):
        if address in self.server.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp_server, session, envelope):
        import asyncio

        self.server.data_started.set()
        while self.server.hold.is_set():
            await asyncio.sleep(0.05)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.server.lock:
            self.server.messages.append({
                "from": envelope.mail_from,
                "to": list(envelope.rcpt_tos),
                "message": message,
                "raw": envelope.content,
            })
        return "250 Message accepted for delivery"


class MailServer:
    def __init__(self, port):
        self.port = port
        self.messages = []
        self.lock = threading.Lock()
        self.hold = threading.Event()
        self.data_started = threading.Event()
        # Addresses refused at RCPT, as a mail server answers for a user it does not have.
        self.refuse = set()
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=port)

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.hold.clear()
        self.controller.stop()

    def received(self):
        with self.lock:
            return list(self.messages)

    def wait_for(self, predicate=lambda m: True, timeout=30.0):
        """The first received message for which predicate(message) holds, waiting for it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for item in self.received():
                if predicate(item):
                    return item
            time.sleep(0.1)
        raise AssertionError(f"no matching message arrived within {timeout}s; got {len(self.received())}")
