"""End-to-end fixtures: a real `openecf serve` on a free port with its own data dir, a real SMTP
server (aiosmtpd) it sends to, headless Chromium through Selenium, and helpers to read the mail."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from mailbox_server import MailServer

ROOT = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("OPENECF_BIN", ROOT / ".build" / "debug" / "openecf"))
ARTIFACTS = ROOT / "e2e" / "artifacts"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout=20.0, interval=0.1, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")


def run_cli(*args, env=None, timeout=60, input_text=None):
    """Runs the openecf command line and returns the completed process."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("OPENECF_")}
    full_env.update(env or {})
    result = subprocess.run([str(BINARY), *args], capture_output=True, text=True, timeout=timeout, env=full_env,
                            input=input_text)
    if result.returncode < 0:
        # Killed by a signal (a Swift trap is SIGILL): the whole report, which pytest's summary of the
        # failed assertion would cut short, goes to the test's captured output and to a file.
        ARTIFACTS.mkdir(exist_ok=True)
        report = ARTIFACTS / f"cli-signal-{int(time.time() * 1000)}.txt"
        report.write_text(f"openecf {' '.join(args)}\nreturncode {result.returncode}\n"
                          f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}\n")
        print(report.read_text())
    return result


class Server:
    """One running `openecf serve`, stopped by the fixture."""

    def __init__(self, data_dir, args, env=None):
        self.data_dir = Path(data_dir)
        self.args = list(args)
        self.env = env or {}
        self.port = free_port()
        self.process = None
        self.log_path = self.data_dir.parent / f"server-{self.port}.log"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPENECF_")}
        env.update(self.env)
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--port", str(self.port), "--data-dir", str(self.data_dir),
             *[arg.replace("{port}", str(self.port)) for arg in self.args]],
            stdout=self.log, stderr=subprocess.STDOUT, env=env)
        wait_until(self._healthy, timeout=60, message=f"openecf to answer on {self.url} (log: {self.log_path})")
        return self

    def _healthy(self):
        if self.process.poll() is not None:
            raise AssertionError(f"openecf exited with {self.process.returncode}:\n{self.log_path.read_text()}")
        try:
            with urllib.request.urlopen(self.url + "/healthz", timeout=1) as response:
                return response.status == 200
        except (urllib.error.URLError, ConnectionError, OSError):
            return False

    def kill(self):
        """SIGKILL: the server gets no chance to finish anything."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if getattr(self, "log", None):
            self.log.close()

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return response.status, response.read().decode()

    def get_json(self, path):
        status, body = self.get(path)
        return status, json.loads(body)

    def logs(self):
        return self.log_path.read_text(errors="replace")


@pytest.fixture
def mail_server():
    server = MailServer(port=free_port()).start()
    yield server
    server.stop()


@pytest.fixture
def start_server(tmp_path):
    """Factory: start_server(*args, data_dir=None, env=None) → a running Server."""
    servers = []

    def start(*args, data_dir=None, env=None):
        server = Server(data_dir or tmp_path / "data", args, env).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def demo_server(start_server):
    return start_server("--demo")


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def axe_core_script():
    """A current axe-core: the copy shipped inside axe-playwright-python (installed without
    Playwright), since axe-selenium-python bundles axe 3.1 from 2018."""
    import importlib.util

    spec = importlib.util.find_spec("axe_playwright_python")
    return str(Path(spec.submodule_search_locations[0]) / "axe.min.js")


WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def accessibility_violations(browser):
    """Runs axe-core (WCAG 2.1 A and AA rules) on the page in the browser; returns its violations
    as (rule, help, targets)."""
    from axe_selenium_python import Axe

    def check():
        axe = Axe(browser, script_url=axe_core_script())
        axe.inject()
        results = axe.run(options=WCAG_21_AA)
        return [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in results["violations"]]

    return check


@pytest.fixture
def screenshot(browser, request):
    """Saves a screenshot of the page under e2e/artifacts/, named after the test."""

    def take(label="page"):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{request.node.name}-{label}.png"
        browser.save_screenshot(str(path))
        return path

    return take
