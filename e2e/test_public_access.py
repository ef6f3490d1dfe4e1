"""Public access in Chromium, as a member of the press uses it: find a party's cases in every
court through the national case locator, open a docket (with its receipt), buy a document (the
charge accepted first, then the receipt and the PDF), and see the quarter's charges in Manage My
Account. A fee-free court (set with the command line) asks nobody to sign in and shows no
receipts. Every page passes axe."""
import re
import urllib.request

from selenium.webdriver.common.by import By

from conftest import run_cli
from test_cutover import api, pacer_sign_in, pacer_token
from test_pacer_accounts import click_and_wait, fill, submit

PRESS = ("demo-press", "ink and paper every single day")


def test_find_a_case_everywhere_open_its_docket_buy_a_document_and_see_the_charges(
        demo_server, browser, accessibility_violations):
    court = demo_server
    browser.delete_all_cookies()
    browser.get(court.url + "/pacer/locator")
    assert accessibility_violations() == []
    fill(browser, {"party": "Northwind"})
    submit(browser)
    # A search costs money: sign in first, then the search runs.
    fill(browser, {"username": PRESS[0], "password": PRESS[1]})
    submit(browser)
    rows = browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")
    courts = sorted(row.find_elements(By.TAG_NAME, "td")[0].text for row in rows)
    assert courts == ["cacd", "nysd"], browser.page_source
    assert "Case Locator Search" in browser.find_element(By.ID, "receipt").text
    assert accessibility_violations() == []

    nysd = next(row for row in rows if row.find_elements(By.TAG_NAME, "td")[0].text == "nysd")
    old = browser.find_element(By.TAG_NAME, "html")
    nysd.find_element(By.TAG_NAME, "a").click()
    from selenium.webdriver.support.ui import WebDriverWait
    from test_pacer_accounts import is_detached
    WebDriverWait(browser, 15).until(lambda driver: is_detached(old))
    assert "CIVIL DOCKET FOR CASE #:" in browser.page_source
    receipt = browser.find_element(By.ID, "receipt").text
    assert "Docket Report" in receipt and "demo-press" in receipt
    assert accessibility_violations() == []

    # Buy the complaint: the charge is shown and accepted before the document opens.
    document = browser.find_element(By.CSS_SELECTOR, ".docket-entries a[href*='/doc1/']").get_attribute("href")
    browser.get(document)
    assert "To accept the charge" in browser.page_source
    cost = re.search(r"Cost:\s*([0-9.]+)", browser.find_element(By.ID, "receipt").text).group(1)
    assert float(cost) > 0
    assert accessibility_violations() == []
    click_and_wait(browser, "#view-document")
    assert "Transaction receipt for document 1" in browser.page_source
    assert accessibility_violations() == []
    link = browser.find_element(By.ID, "open-document").get_attribute("href")
    cso = browser.get_cookie("openecf_cso")["value"]
    request = urllib.request.Request(link, headers={"Cookie": f"openecf_cso={cso}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"] == "application/pdf" and response.read().startswith(b"%PDF-")

    # The quarter's charges in Manage My Account (they reach the PSC's ledger within seconds).
    browser.get(court.url + "/pacer/account")
    click_and_wait(browser, "#billing-link")
    for _ in range(50):
        text = browser.find_element(By.ID, "charges").text if browser.find_elements(By.ID, "charges") else ""
        if "Image 1" in text and "Docket Report" in text:
            break
        browser.refresh()
    charges = browser.find_element(By.ID, "charges").text
    assert "Case Locator Search" in charges and "Docket Report" in charges and "Image 1" in charges
    assert "waived" in browser.find_element(By.ID, "waiver").text
    assert accessibility_violations() == []

    # The same statement for programs.
    token = pacer_token(court, *PRESS)
    status, statement, _ = api(court, "GET", "/api/v1/pacer/account/billing", token=token)
    assert status == 200 and statement["billed"]["cents"] == 0 and statement["waived"] is True
    assert {c["description"] for c in statement["charges"]} >= {"Case Locator Search", "Docket Report", "Image 1"}


def test_a_fee_free_court_needs_no_sign_in_and_shows_no_receipt(start_server, tmp_path):
    data = tmp_path / "fees"
    court = start_server("--demo", data_dir=data)
    status, _, _ = api(court, "GET", "/api/v1/courts/cacd/cases/1/docket")
    assert status == 401
    result = run_cli("court", "set", "cacd", "--fee-free", "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert "public access is free" in result.stdout
    status, docket, _ = api(court, "GET", "/api/v1/courts/cacd/cases/1/docket")
    assert status == 200 and "receipt" not in docket
    status, html = court.get("/ecf/cacd/cgi-bin/DktRpt.pl?1")
    assert "CIVIL DOCKET FOR CASE #:" in html and "Transaction Receipt" not in html
    # nysd still charges.
    assert api(court, "GET", "/api/v1/courts/nysd/cases/1/docket")[0] == 401

    refused = run_cli("court", "exempt", "nysd", "demo-press", "--data-dir", str(data))
    assert refused.returncode != 0 and "--reason" in refused.stderr
    result = run_cli("court", "exempt", "nysd", "demo-press", "--reason", "Pro bono counsel", "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    status, docket, _ = api(court, "GET", "/api/v1/courts/nysd/cases/1/docket", token=pacer_token(court, *PRESS))
    assert status == 200 and docket["receipt"]["freeBecause"] == "exemption"


def test_query_opinions_and_client_code_pages_are_accessible(demo_server, browser, accessibility_violations):
    court = demo_server
    browser.delete_all_cookies()
    for path in ("/ecf/nysd/cgi-bin/iquery.pl", "/ecf/nysd/cgi-bin/WrtOpRpt.pl", "/ecf/nysd/"):
        browser.get(court.url + path)
        assert accessibility_violations() == [], path
    assert "Written opinions (free)" in browser.page_source
    # The demo's written opinion (cacd) is listed, and opens without a sign-in or a charge.
    browser.get(court.url + "/ecf/cacd/cgi-bin/WrtOpRpt.pl")
    assert "MEMORANDUM OPINION AND ORDER" in browser.page_source
    assert accessibility_violations() == []
    status, opinions, _ = api(court, "GET", "/api/v1/courts/cacd/opinions")
    document = opinions["opinions"][0]["docId"]
    with urllib.request.urlopen(f"{court.url}/ecf/cacd/doc1/{document}", timeout=10) as response:
        assert response.headers["Content-Type"] == "application/pdf" and response.headers.get("X-PACER-Cost-Cents", "0") == "0"

    # A client code chosen in Manage My Account is on the next receipt.
    pacer_sign_in(browser, court, *PRESS, "/pacer/account/billing")
    fill(browser, {"clientCode": "Matter 42"})
    click_and_wait(browser, "form[action='/pacer/account/client-code'] button")
    assert "Your client code is saved." in browser.page_source
    assert accessibility_violations() == []
    browser.get(court.url + "/ecf/nysd/cgi-bin/iquery.pl?party=bluewater")
    assert "Northwind Shipping Co. v. Bluewater Logistics, Inc." in browser.find_element(By.ID, "results").text
    receipt = browser.find_element(By.ID, "receipt").text
    assert "Matter 42" in receipt and "party: bluewater" in receipt
    assert accessibility_violations() == []
    # A bad search says what is wrong, in words, next to the field.
    browser.get(court.url + "/ecf/nysd/cgi-bin/iquery.pl?number=twelve")
    assert "Enter a case number such as 2:20-cv-01234" in browser.find_element(By.ID, "error-summary").text
    assert accessibility_violations() == []


def test_search_docket_text_in_every_court_without_signing_in(demo_server, browser, accessibility_violations):
    court = demo_server
    browser.delete_all_cookies()
    browser.get(court.url + "/")
    click_and_wait(browser, "a[href='/pacer/search']")
    fill(browser, {"q": '"motion for extension" roe'})
    click_and_wait(browser, "form[role='search'] button")
    results = browser.find_element(By.ID, "results")
    # One motion in each demo court; the found words are marked.
    assert "nysd 2:26-cv-00001" in results.text and "cacd 2:26-cv-00001" in results.text
    marked = [mark.text for mark in results.find_elements(By.TAG_NAME, "mark")]
    assert marked.count("MOTION") == 2 and marked.count("Roe") == 2
    assert "SEALED ORDER" not in browser.page_source
    assert accessibility_violations() == []
    # A result opens the case's docket (a billed report: the sign-in comes first).
    results.find_element(By.PARTIAL_LINK_TEXT, "nysd").click()
    assert "/pacer/login" in browser.current_url
    # One court, newest first; a search without words says so next to the field.
    browser.get(court.url + "/ecf/cacd/search?q=%22%22")
    assert "Enter a word or a phrase in quotes" in browser.find_element(By.ID, "error-summary").text
    assert accessibility_violations() == []
