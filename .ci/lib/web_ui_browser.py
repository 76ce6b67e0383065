"""Drives the load generator's web UI in headless Chromium as a person would: starts the
original test from the form, watches the statistics and the charts, resizes, stops, downloads
the statistics CSV, and saves a screenshot that must not be blank.

Usage: web_ui_browser.py URL OUTPUT_DIR   (URL of `scalelab load` without --headless)
       web_ui_browser.py URL OUTPUT_DIR workers N   (a master running a test on N workers:
       the Workers tab must list N running workers with users)
"""
import csv
import io
import os
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

url, out = sys.argv[1].rstrip("/") + "/", sys.argv[2]
os.makedirs(out, exist_ok=True)
for old in ["scalelab_stats.csv", "web-ui.png", "web-ui-workers.png"]:
    if os.path.exists(os.path.join(out, old)):
        os.remove(os.path.join(out, old))
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900"]:
    options.add_argument(argument)
options.add_experimental_option("prefs", {"download.default_directory": out, "download.prompt_for_download": False})
browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(browser, 30)
step = lambda message: print(f"web UI check: {message}", flush=True)


def text(element_id):
    return browser.find_element(By.ID, element_id).text


def fill(field, value):
    element = browser.find_element(By.ID, field)
    element.clear()
    element.send_keys(value)


def not_blank(picture):
    """The screenshot is not blank: many distinct colours."""
    from PIL import Image

    colours = len(Image.open(os.path.join(out, picture)).convert("RGB").getcolors(maxcolors=1 << 24))
    assert colours > 50, f"the screenshot {picture} looks blank ({colours} colours)"
    step(f"screenshot {out}/{picture} has {colours} colours")


if sys.argv[3:4] == ["workers"]:
    expected = int(sys.argv[4])
    try:
        browser.get(url)
        browser.find_element(By.ID, "tab-workers").click()
        running = lambda: [row for row in browser.find_elements(By.CSS_SELECTOR, "#workers-table tbody tr")
                           if row.find_elements(By.TAG_NAME, "td")[3].text == "running"
                           and int(row.find_elements(By.TAG_NAME, "td")[4].text) > 0]
        wait.until(lambda _: len(running()) == expected)
        assert text("worker-count") == str(expected), text("worker-count")
        browser.save_screenshot(os.path.join(out, "web-ui-workers.png"))
        step(f"the Workers tab lists {expected} running worker(s) with users")
    finally:
        browser.quit()
    not_blank("web-ui-workers.png")
    sys.exit(0)

try:
    browser.get(url)
    wait.until(lambda _: text("state") == "ready")
    step("the page shows state ready")

    # A bad value gets its message next to the field, and nothing starts.
    fill("user_count", "-5")
    browser.find_element(By.ID, "submit").click()
    wait.until(lambda _: "whole number" in text("user_count-error"))
    assert text("state") == "ready", text("state")
    step("a negative user count is refused next to its field")

    # The original test: 50 users at 10/s.
    fill("user_count", "50")
    fill("spawn_rate", "10")
    fill("run_time", "")
    browser.find_element(By.ID, "submit").click()
    wait.until(lambda _: text("state") in ("spawning", "running"))
    wait.until(lambda _: any("/albums" in row.text for row in browser.find_elements(By.CSS_SELECTOR, "#stats-table tbody tr")))
    step("rows for /albums appear in the statistics table")

    browser.find_element(By.ID, "tab-charts").click()
    wait.until(lambda _: len(browser.find_elements(By.CSS_SELECTOR, "#chart-rps polyline")) > 0)
    points = browser.find_element(By.CSS_SELECTOR, "#chart-rps polyline").get_attribute("points").split()
    wait.until(lambda _: len(browser.find_element(By.CSS_SELECTOR, "#chart-rps polyline").get_attribute("points").split()) >= 3)
    step(f"the requests/s chart has points ({len(points)}+)")

    # Resize from the Edit form.
    browser.find_element(By.ID, "edit").click()
    wait.until(ready.visibility_of_element_located((By.ID, "user_count")))
    fill("user_count", "5")
    fill("spawn_rate", "100")
    browser.find_element(By.ID, "submit").click()
    wait.until(lambda _: text("users") == "5")
    step("resized to 5 users")

    for tab in ["failures", "exceptions", "ratio", "logs", "download", "statistics"]:
        browser.find_element(By.ID, f"tab-{tab}").click()
        assert browser.find_element(By.ID, f"panel-{tab}").is_displayed(), tab
        if tab == "ratio":
            assert "% /albums" in text("ratio-total"), text("ratio-total")
    step("every tab opens")

    browser.find_element(By.ID, "tab-charts").click()
    time.sleep(1)  # let the charts draw once more before the picture (a screenshot, not a test timing)
    browser.save_screenshot(os.path.join(out, "web-ui.png"))
    browser.find_element(By.ID, "stop").click()
    wait.until(lambda _: text("state") == "stopped")
    step("stopped")

    browser.find_element(By.ID, "tab-download").click()
    browser.find_element(By.LINK_TEXT, "Download requests CSV").click()
    path = os.path.join(out, "scalelab_stats.csv")
    WebDriverWait(browser, 30).until(lambda _: os.path.exists(path) and os.path.getsize(path) > 0)
    with open(path, newline="") as file:
        rows = list(csv.DictReader(file))
    assert any(row["Name"] == "/albums" and int(row["Request Count"]) > 0 for row in rows), rows
    served = urllib.request.urlopen(url + "stats/requests/csv").read()
    assert served == open(path, "rb").read(), "the downloaded CSV differs from the route's"
    step(f"downloaded scalelab_stats.csv with {len(rows)} rows")
finally:
    browser.quit()
not_blank("web-ui.png")
