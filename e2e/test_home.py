"""The home page in a real browser: the demo courts, and no WCAG 2.1 A/AA violations."""
from selenium.webdriver.common.by import By

DEMO_COURTS = {
    "cacd": "United States District Court for the Central District of California",
    "nysd": "District Court, S.D. New York",
    "cacb": "United States Bankruptcy Court, C.D. California",
    "nysb": "United States Bankruptcy Court, S.D. New York",
}


def test_home_page_lists_the_demo_courts(demo_server, browser, screenshot):
    browser.get(demo_server.url + "/")
    assert browser.title == "Courts on this server | OpenECF"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Courts on this server"
    rows = browser.find_elements(By.CSS_SELECTOR, "tr[data-court]")
    listed = {row.get_attribute("data-court"): row.find_element(By.CSS_SELECTOR, "th").text for row in rows}
    assert listed == DEMO_COURTS
    text = {row.get_attribute("data-court"): row.text for row in rows}
    assert "Legacy CM/ECF" in text["cacd"] and "CM/ECF will be unavailable from" in text["cacd"]
    assert "NextGen CM/ECF" in text["nysd"] and "moved to NextGen CM/ECF on" in text["nysd"]
    assert "Unavailable" in text["cacb"] and "CM/ECF is unavailable from" in text["cacb"]
    assert "NextGen CM/ECF" in text["nysb"]
    screenshot("home")


def test_home_page_has_no_accessibility_violations(demo_server, browser, accessibility_violations):
    browser.get(demo_server.url + "/")
    assert accessibility_violations() == []


def test_error_page_has_no_accessibility_violations(demo_server, browser, accessibility_violations):
    browser.get(demo_server.url + "/no/such/page")
    assert "Page not found" in browser.find_element(By.TAG_NAME, "h1").text
    assert accessibility_violations() == []


def test_skip_link_moves_focus_to_the_main_content(demo_server, browser):
    from selenium.webdriver.common.keys import Keys

    browser.get(demo_server.url + "/")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.text == "Skip to main content"
    focused.send_keys(Keys.ENTER)
    assert browser.current_url.endswith("#main-content")


def test_operations_endpoints(demo_server):
    status, body = demo_server.get("/healthz")
    assert (status, body) == (200, "ok\n")
    status, ready = demo_server.get_json("/readyz")
    assert status == 200 and ready == {"status": "ready", "problems": []}
    status, courts = demo_server.get_json("/api/v1/courts")
    assert sorted(c["id"] for c in courts) == sorted(DEMO_COURTS)
    demo_server.get("/")
    status, metrics = demo_server.get("/metrics")
    assert 'openecf_http_requests_total{route="/",method="GET",status="200"}' in metrics
    assert "openecf_outbox_backlog_messages" in metrics
