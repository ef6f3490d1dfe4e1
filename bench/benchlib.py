"""What every benchmark scenario uses: the openecf server and nginx as processes on 127.0.0.1,
wrk as the load driver (bounded by its duration), latency statistics, and the machine's own
description. Nothing here contacts anything but 127.0.0.1."""
import collections
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise RuntimeError(f"timed out after {timeout}s waiting for {message}")


def clean_env():
    return {k: v for k, v in os.environ.items() if not k.startswith("OPENECF_")}


class OpenECF:
    """`openecf` commands and one running `openecf serve` on a data dir of its own."""

    def __init__(self, binary, data_dir):
        self.binary = Path(binary)
        self.data_dir = Path(data_dir)
        self.port = free_port()
        self.process = None
        self.log_path = self.data_dir.parent / "server.log"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args, timeout=3600):
        """Runs a command on the data dir; its standard output (its progress goes to the terminal)."""
        result = subprocess.run([str(self.binary), *args, "--data-dir", str(self.data_dir)], env=clean_env(),
                                stdout=subprocess.PIPE, text=True, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"openecf {' '.join(args)} failed ({result.returncode}): {result.stdout}")
        return result.stdout

    def start(self, *args):
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(self.binary), "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--data-dir", str(self.data_dir), *args],
            stdout=self.log, stderr=subprocess.STDOUT, env=clean_env())
        wait_until(self._healthy, 120, f"openecf on {self.url} (log: {self.log_path})")
        return self

    def _healthy(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"openecf exited with {self.process.returncode}; see {self.log_path}")
        try:
            with urllib.request.urlopen(self.url + "/healthz", timeout=1) as response:
                return response.status == 200
        except (urllib.error.URLError, ConnectionError, OSError):
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def outbox_backlog(self):
        """How many messages wait in the server's outboxes (its /metrics gauge)."""
        with urllib.request.urlopen(self.url + "/metrics", timeout=30) as response:
            text = response.read().decode()
        found = re.search(r"^openecf_outbox_backlog\w*(?:\{[^}]*\})? ([\d.e+]+)$", text, re.M)
        if not found:
            raise RuntimeError("the server's /metrics has no openecf_outbox_backlog")
        return int(float(found.group(1)))

    def settle(self, limit=900):
        """Waits (at most `limit` seconds) until the outboxes are empty: the cases made for the
        scenarios queue their copies for the national locator, which the server writes once it
        starts (a minute for the 50,000-entry case), and a scenario measured meanwhile measures
        that too. Returns the seconds waited."""
        started = time.monotonic()
        shown = None
        while time.monotonic() - started < limit:
            waiting = self.outbox_backlog()
            if waiting == 0:
                break
            if shown is None or time.monotonic() - shown >= 10:
                print(f"  {waiting} outbox messages still to deliver...", flush=True)
                shown = time.monotonic()
            time.sleep(1)
        return time.monotonic() - started

    def peak_rss(self):
        """`with server.peak_rss() as peak:` samples the resident set every 20 ms; then
        peak.before and peak.peak (KiB)."""
        return _RSSPeak(self)

    def rss_kib(self):
        """The server's resident set and its peak so far (VmRSS, VmHWM), in KiB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        values = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", status, re.M))
        return int(values["VmRSS"]), int(values["VmHWM"])

    def api(self, method, path, body=None, token=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def sign_in(self, username, password):
        status, answer = self.api("POST", "/api/v1/pacer/sessions", {"username": username, "password": password})
        if status not in (200, 201):
            raise RuntimeError(f"signing in as {username}: {status} {answer}")
        return answer["token"]


class _RSSPeak:
    def __init__(self, server):
        self.server = server
        self.done = threading.Event()

    def __enter__(self):
        self.before = self.peak = self.server.rss_kib()[0]
        self.thread = threading.Thread(target=self._sample)
        self.thread.start()
        return self

    def _sample(self):
        while not self.done.is_set():
            self.peak = max(self.peak, self.server.rss_kib()[0])
            time.sleep(0.02)

    def __exit__(self, *exc):
        self.done.set()
        self.thread.join()
        return False

    @property
    def growth_mib(self):
        return (self.peak - self.before) / 1024


class Nginx:
    """nginx (Debian's) serving one directory as static files: the same-run baseline of a page."""

    def __init__(self, root):
        self.root = Path(root)
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        config = self.dir / "nginx.conf"
        # One worker per core, as openecf uses every core; logs off, as openecf logs no access.
        config.write_text(f"""
worker_processes auto;
daemon off;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {self.dir}/body;
    proxy_temp_path {self.dir}/proxy;
    fastcgi_temp_path {self.dir}/fastcgi;
    uwsgi_temp_path {self.dir}/uwsgi;
    scgi_temp_path {self.dir}/scgi;
    default_type text/html;
    server {{
        listen 127.0.0.1:{self.port};
        root {self.root};
    }}
}}
""")
        self.process = subprocess.Popen([binary, "-c", str(config), "-p", str(self.dir)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(lambda: _answers(self.url + "/"), 20, f"nginx on {self.url}")
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


class MailSink:
    """An SMTP server (aiosmtpd) on 127.0.0.1 that accepts every message and counts it: where the
    server under test sends its mail, and what the plain smtplib baseline sends to."""

    def __init__(self, keep=2000):
        self.port = free_port()
        self.lock = threading.Lock()
        self.count = 0
        self.last_at = time.monotonic()
        self.kept = collections.deque(maxlen=keep)
        self.controller = None

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            self.last_at = time.monotonic()
            self.kept.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"

    def start(self):
        from aiosmtpd.controller import Controller
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def received(self):
        with self.lock:
            return self.count

    def wait_for(self, count, timeout):
        """Waits until `count` messages in all have arrived; the moment the last one did."""
        wait_until(lambda: self.received() >= count, timeout, f"{count} messages at the mail sink")
        with self.lock:
            return self.last_at

    def wait_quiet(self, seconds=2.0, timeout=600):
        """Waits until no message has arrived for `seconds` (a backlog delivered)."""
        wait_until(lambda: time.monotonic() - self.last_at >= seconds, timeout, "the mail to stop arriving")


def _answers(url):
    try:
        urllib.request.urlopen(url, timeout=1)
        return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def wrk(url, connections, seconds, headers=(), script=None, script_args=(), threads=2):
    """wrk's requests per second and latency percentiles (ms) for `seconds` of load, and the
    counts a script printed ("Name: 12")."""
    command = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency",
               "--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", str(script)]
    command.append(url)
    if script_args:
        command += ["--", *map(str, script_args)]
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not rate:
        raise RuntimeError(f"wrk gave no rate:\n{output}")
    latency = {p: _ms(v, unit) for p, v, unit in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests_per_second": float(rate.group(1)),
        "latency_ms": latency,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
        "counts": {name: int(count) for name, count in re.findall(r"^([A-Z][A-Za-z ]+): (\d+)$", output, re.M)},
    }


def _ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def machine():
    """What the figures were measured on."""
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
    except (StopIteration, OSError):
        pass
    memory = ""
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (AttributeError, OSError):
        pass
    return {"cpus": os.cpu_count(), "cpu": model, "memory": memory, "system": platform.platform()}
