"""E-filing in Chromium, as a filer meets it: an attorney linked in a NextGen court opens a case and
pays the $405 fee with the test card (a declined card first), gets the case number and entry 1;
files a motion with an exhibit, where a scanned exhibit is refused and a full Social Security
number is flagged on the review screen until acknowledged; the receipts show entry numbers,
document stamps and pages — with axe-core on every page."""
import datetime
import hashlib
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

import pdfs
from conftest import wait_until
from test_cutover import api, main_text, pacer_sign_in, pacer_token
from test_pacer_accounts import click_and_wait, fill, submit

COURT_PASSWORD = "harbor lights of the ninth circuit"


@pytest.fixture
def court(start_server):
    return start_server("--demo")


@pytest.fixture(autouse=True)
def fresh_browser(browser):
    browser.delete_all_cookies()
    yield


def choose(browser, name, value):
    Select(browser.find_element(By.NAME, name)).select_by_value(value)


def attach(browser, name, path):
    browser.find_element(By.NAME, name).send_keys(path)


def receipt_documents(browser):
    rows = browser.find_elements(By.CSS_SELECTOR, "#documents tbody tr")
    return [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")] for row in rows]


def test_an_attorney_opens_a_case_and_files_a_motion(court, browser, accessibility_violations, screenshot, tmp_path):
    # demo-attorney signs in with PACER; nysd is on NextGen, so the first visit leads to linking.
    pacer_sign_in(browser, court, "demo-attorney", "sunlit harbor of nine courts", "/ecf/nysd/")
    assert browser.current_url.endswith("/ecf/nysd/link")
    fill(browser, {"login": "avery-attorney", "password": COURT_PASSWORD})
    submit(browser)
    assert "Your CM/ECF login is linked" in main_text(browser)

    browser.get(court.url + "/ecf/nysd/efile")
    assert "You can e-file in this court with the CM/ECF login avery-attorney" in main_text(browser)
    my_cases = browser.find_element(By.ID, "my-cases").text
    assert "Roe v. Bolt Fasteners, Inc." in my_cases and "Northwind Shipping Co. v. Bluewater Logistics, Inc." in my_cases
    assert accessibility_violations() == []

    # Open a case: the form first, with a problem to correct.
    click_and_wait(browser, "a[href='/ecf/nysd/cases/new']")
    assert accessibility_violations() == []
    complaint = pdfs.write(tmp_path, "complaint.pdf", ["COMPLAINT FOR BREACH OF CONTRACT", "Plaintiff John Doe alleges."])
    fill(browser, {"title": "Doe v. Acme Widgets LLC", "cause": "28:1332 Diversity-Breach of Contract",
                   "party0Name": "John Doe", "party1Name": "Acme Widgets LLC"})
    choose(browser, "jurisdiction", "Diversity")
    attach(browser, "document", complaint)
    submit(browser)
    assert "Choose the nature of suit from the civil cover sheet." in browser.find_element(By.ID, "error-summary").text
    assert accessibility_violations() == []
    choose(browser, "natureOfSuit", "190")
    attach(browser, "document", complaint)
    submit(browser)

    # The review: docket text, pages, the fee; a declined card files nothing.
    assert browser.title.startswith("Review your filing")
    assert browser.find_element(By.ID, "fee").text == "$405.00"
    assert browser.find_element(By.ID, "docket-text").text == (
        "COMPLAINT against Acme Widgets LLC (Filing fee $405.00) filed by Plaintiff John Doe. (Attorney, Avery)")
    assert receipt_documents(browser) == [["complaint.pdf", "Complaint", "1"]]
    assert accessibility_violations() == []
    fill(browser, {"cardNumber": "4000 0000 0000 0002", "cardExpiry": "12/30", "cardHolder": "Avery Attorney"})
    submit(browser)
    assert "was declined" in main_text(browser) and "Nothing was filed" in main_text(browser)
    assert accessibility_violations() == []
    fill(browser, {"cardNumber": "4111 1111 1111 1111", "cardExpiry": "12/30", "cardHolder": "Avery Attorney"})
    submit(browser)

    # The receipt: the case number with its judge, entry 1, the stamp and the payment.
    assert "The case is opened" in main_text(browser)
    year = datetime.date.today().year % 100
    number = browser.find_element(By.ID, "case-number").text
    assert re.fullmatch(rf"2:{year:02d}-cv-00003-(HE|MW)", number), number
    assert browser.find_element(By.ID, "entry-number").text == "1"
    assert re.search(r"receipt number TEST-[0-9A-F]{8}", browser.find_element(By.ID, "payment").text)
    [[entry, document, description, pages, stamp]] = receipt_documents(browser)
    assert (entry, description, pages) == ("1", "Complaint", "1")
    assert stamp == hashlib.sha256(pdfs.text_pdf(
        ["COMPLAINT FOR BREACH OF CONTRACT", "Plaintiff John Doe alleges."])).hexdigest()
    assert accessibility_violations() == []
    screenshot("case-opened")

    # A motion with an exhibit: a scanned exhibit is refused with its reason.
    browser.get(court.url + "/ecf/nysd/efile")
    click_and_wait(browser, "#my-cases li:first-child a")
    assert accessibility_violations() == []
    choose(browser, "event", "motionForSummaryJudgment")
    browser.find_element(By.CSS_SELECTOR, "#filers input[type=checkbox]").click()
    attach(browser, "document", pdfs.write(tmp_path, "motion.pdf", ["MOTION FOR SUMMARY JUDGMENT"]))
    attach(browser, "attachment1", pdfs.write(tmp_path, "scan.pdf", ["A SCANNED EXHIBIT"], scanned=True))
    fill(browser, {"attachment1Description": "Exhibit A"})
    submit(browser)
    problems = browser.find_element(By.ID, "error-summary").text
    assert "scan.pdf" in problems and "must be text-searchable" in problems
    assert accessibility_violations() == []

    # With a full Social Security number in the motion, the review flags it with its page.
    motion_lines = (["MOTION FOR SUMMARY JUDGMENT"], ["Plaintiff's SSN is 123-45-6789."])
    attach(browser, "document", pdfs.write(tmp_path, "motion.pdf", *motion_lines))
    attach(browser, "attachment1", pdfs.write(tmp_path, "exhibit-a.pdf", ["EXHIBIT A", "The contract."]))
    submit(browser)
    findings = browser.find_element(By.ID, "redaction-findings").text
    assert "motion.pdf, page 2" in findings and "***-**-6789" in findings and "123-45-6789" not in findings
    assert receipt_documents(browser) == [["motion.pdf", "Main Document", "2"], ["exhibit-a.pdf", "Exhibit A", "1"]]
    assert browser.find_element(By.ID, "docket-text").text == (
        "MOTION for Summary Judgment filed by Plaintiff John Doe. (Attachments: # 1 Exhibit A) (Attorney, Avery)")
    assert accessibility_violations() == []
    submit(browser)
    assert "Confirm that the documents meet your redaction responsibility" in main_text(browser)
    assert accessibility_violations() == []
    browser.find_element(By.CSS_SELECTOR, "label[for=acknowledged]").click()
    submit(browser)

    assert "Your filing is docketed." in main_text(browser)
    assert browser.find_element(By.ID, "entry-number").text == "2"
    documents = receipt_documents(browser)
    assert [(row[0], row[2], row[3]) for row in documents] == [("2", "Main Document", "2"), ("2-1", "Exhibit A", "1")]
    assert documents[0][4] == hashlib.sha256(pdfs.text_pdf(*motion_lines)).hexdigest()
    assert all(re.fullmatch(r"[0-9a-f]{64}", row[4]) for row in documents)
    assert accessibility_violations() == []
    # The notice: Avery is served electronically; the defendant has no one registered yet.
    assert "Avery Attorney" in browser.find_element(By.ID, "served").text
    assert browser.find_element(By.ID, "other-means").text == "Acme Widgets LLC"
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#documents tbody a")]
    assert all(re.search(r"/ecf/nysd/doc1/\d{12}$", link) for link in links) and len(set(links)) == 2
    screenshot("motion-filed")


def test_the_clerk_corrects_restricts_and_strikes_in_the_browser(court, browser, accessibility_violations):
    pacer_sign_in(browser, court, "demo-clerk", "clerks keep the docket true", "/ecf/nysd/clerk")
    year = datetime.date.today().year % 100
    fill(browser, {"number": f"2:{year:02d}-cv-00001"})
    click_and_wait(browser, "form[action='/ecf/nysd/clerk/case'] button")
    assert browser.title.startswith("Docket of 2:") and "Roe v. Bolt Fasteners, Inc." in browser.title
    assert accessibility_violations() == []

    # Correct entry 2's text: the change is shown as a modification.
    browser.find_element(By.CSS_SELECTOR, "#entry-2 summary").click()
    text = browser.find_element(By.CSS_SELECTOR, "#entry-2 textarea")
    text.clear()
    text.send_keys("MOTION for Extension of Time to Serve Defendant (corrected).")
    click_and_wait(browser, "#entry-2 form[action$='/entries/2/text'] button")
    row = browser.find_element(By.ID, "entry-2").text
    assert "(corrected)" in row and "Modified on" in row

    # Restrict the exhibit alone to the case's participants: the public no longer sees it.
    browser.find_element(By.CSS_SELECTOR, "#entry-2 summary").click()
    exhibit_form = browser.find_elements(By.CSS_SELECTOR, "#entry-2 form[action*='/documents/']")[1]
    Select(exhibit_form.find_element(By.TAG_NAME, "select")).select_by_value("caseParticipants")
    old_page = browser.find_element(By.TAG_NAME, "html")
    exhibit_form.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(browser, 15).until(expected_conditions.staleness_of(old_page))
    wait_until(lambda: browser.execute_script("return document.readyState") == "complete", message="the page")
    assert "Saved." in main_text(browser)
    press = pacer_token(court, "demo-press", "ink and paper every single day")
    status, body, _ = api(court, "GET", "/api/v1/courts/nysd/cases/1/entries", token=press)
    motion = next(e for e in body["entries"] if e["seq"] == 2)
    assert len(motion["documents"]) == 1, motion

    # Strike the minute entry: it stays on the docket, marked.
    browser.find_element(By.CSS_SELECTOR, "#entry-3 summary").click()
    click_and_wait(browser, "#entry-3 form[action$='/strike'] button")
    assert "Stricken on" in browser.find_element(By.ID, "entry-3").text
    assert accessibility_violations() == []

    # The court's document settings.
    browser.get(court.url + "/ecf/nysd/clerk")
    fill(browser, {"maxFileMegabytes": "50"})
    browser.find_element(By.CSS_SELECTOR, "label[for=scanned-warn]").click()
    click_and_wait(browser, "form[action='/ecf/nysd/clerk/settings'] button")
    assert "document settings are saved" in main_text(browser)
    status, settings, _ = api(court, "GET", "/api/v1/courts/nysd/settings")
    assert settings == {"maxFileMegabytes": 50, "scannedPDFs": "warn", "summaryTime": "17:00", "feeFree": False}
    assert accessibility_violations() == []
