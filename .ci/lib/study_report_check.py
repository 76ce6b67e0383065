"""Checks a report written by `scalelab study --quick`: every section and data file exists, the
page is self-contained, and it renders in headless Chromium to a screenshot that is not blank.

Usage: study_report_check.py REPORT_DIR
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

report = os.path.abspath(sys.argv[1])
step = lambda message: print(f"study check: {message}", flush=True)


def fail(message):
    sys.exit(f"study check: {message}")


def need(path):
    full = os.path.join(report, path)
    if not os.path.isfile(full) or os.path.getsize(full) == 0:
        fail(f"{path} is missing or empty in {report}")
    return full


# Files: the page, the Markdown, and data/ with the JSON and CSV of every run.
html = open(need("index.html"), encoding="utf-8").read()
markdown = open(need("report.md"), encoding="utf-8").read()
study = json.load(open(need("data/study.json"), encoding="utf-8"))
outcome = study["outcome"]
if outcome["failed"] or outcome["notRun"]:
    fail(f"steps failed or did not run: {outcome['failed']} {outcome['notRun']}")
measurements = outcome["measurements"]
for experiment, key in [("counter", "counter"), ("maps", "maps"), ("file-writes", "fileWrites"), ("handoff", "handoff")]:
    if key not in measurements:
        fail(f"data/study.json has no {experiment} result")
    need(f"data/{experiment}.json")
    need(f"data/{experiment}.csv")
def check_runs(part, runs):
    for run in runs:
        setting = run["setting"]
        slug = f"{setting['scenario']}-{setting['listEncoding']}-{setting['client']}-{setting['users']}u"
        need(f"data/{part}-{slug}.json")
        need(f"data/{part}-{slug}.csv")
        if run["get"]["failures"] + run["post"]["failures"]:
            fail(f"{part} run {slug} had failed requests")
        if run["get"]["requests"] + run["post"]["requests"] == 0:
            fail(f"{part} run {slug} sent no request")
    need(f"data/{part}.csv")


runs = measurements["serviceRuns"]
settings = {(run["setting"]["listEncoding"], run["setting"]["client"]) for run in runs}
if settings != {("locked", "fast"), ("locked", "standard"), ("cached", "fast"), ("cached", "standard")}:
    fail(f"expected the two stores with the two clients, got {sorted(settings)}")
check_runs("service", runs)
scaling = measurements["scalingRuns"]
if len({run["setting"]["users"] for run in scaling}) < 3:
    fail(f"the scaling runs need 3 or more user counts, got {[run['setting']['users'] for run in scaling]}")
check_runs("scaling", scaling)
need("data/scaling-fits.json")
generator = {(run["target"], run["workers"]) for run in measurements["generatorRuns"]}
if generator != {(target, workers) for target in ["bottleneck", "light"] for workers in [1, 2, 4]}:
    fail(f"expected 1, 2 and 4 workers against both targets, got {sorted(generator)}")
if any(run["failures"] or len(run["workerPeakCPUUse"]) != run["workers"] for run in measurements["generatorRuns"]):
    fail("a generator run had failed requests or lacks a worker's CPU")
need("data/generator.json")
need("data/generator.csv")

# The comparisons: every map strategy under both mixes, both engines, and the three stores
# (the check passes --postgres), each with its data files and no failed request.
expected_variants = {
    "mapRuns": ("strategy", {(scenario, strategy) for scenario in ["albums-by-id-19-to-1", "albums-by-id-1-to-3"]
                             for strategy in ["mutex", "rwlock", "sharded", "snapshot"]}),
    "engineRuns": ("engine", {("albums-by-id", engine) for engine in ["event-loop", "router"]}),
    "storeRuns": ("store", {("albums-by-id", store) for store in ["memory", "sqlite", "postgres"]}),
}
for key, (field, expected) in expected_variants.items():
    runs = measurements[key]
    found = {(run["setting"]["scenario"], run["setting"][field]) for run in runs}
    if found != expected:
        fail(f"{key}: expected {sorted(expected)}, got {sorted(found)}")
    if any(run["get"]["failures"] + run["post"]["failures"] for run in runs):
        fail(f"{key}: a run had failed requests")
    name = {"mapRuns": "maps", "engineRuns": "engines", "storeRuns": "stores"}[key]
    need(f"data/service-{name}.json")
    need(f"data/service-{name}.csv")
step(f"index.html, report.md and {len(os.listdir(os.path.join(report, 'data')))} data files are there")

# Sections, the original's figures, conclusions; nothing loaded from elsewhere.
for text in ["<h2>Experiments</h2>", "<h2>Service</h2>", "<h2>Map strategies behind the service</h2>", "<h2>Engines</h2>",
             "<h2>Stores</h2>", "<h2>Scaling</h2>", "Conclusions: engines", "PostgreSQL (the store comparison): postgres://",
             "<h3>counter</h3>", "<h3>maps</h3>", "<h3>file-writes</h3>", "<h3>handoff</h3>",
             "the original (Go)", "the original (Gin, Go map under a lock)", "Amdahl and Universal Scalability Law fits",
             "Throughput from 1, 2 and 4 worker processes", "Throughput against worker processes",
             "Conclusions: experiments", "Conclusions: service", "Conclusions: scaling",
             "Machine: ", "Date: ", "Command: ", "Versions: "]:
    if text not in html:
        fail(f"index.html lacks {text!r}")
for text in ["## Experiments", "## Service", "## Map strategies behind the service", "## Engines", "## Stores", "## Scaling"]:
    if text not in markdown:
        fail(f"report.md lacks {text!r}")
for forbidden in ["<script", 'src="http', "src='http", 'href="http', "<link"]:
    if forbidden in html:
        fail(f"index.html is not self-contained: it contains {forbidden!r}")
step("every section is there, with the original's figures and conclusions; no script, nothing from elsewhere")

# The page in headless Chromium: its charts are drawn, and the screenshot is not blank.
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900"]:
    options.add_argument(argument)
browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    browser.get("file://" + os.path.join(report, "index.html"))
    headings = [element.text for element in browser.find_elements(By.TAG_NAME, "h2")]
    if not {"Experiments", "Service", "Map strategies behind the service", "Engines", "Stores", "Scaling"} <= set(headings):
        fail(f"the browser shows the sections {headings}")
    charts = browser.find_elements(By.CSS_SELECTOR, "figure.chart svg")
    drawn = [chart for chart in charts if chart.size["width"] > 100 and chart.size["height"] > 50]
    if len(drawn) < 15:
        fail(f"only {len(drawn)} of {len(charts)} charts are drawn at a visible size")
    browser.save_screenshot(os.path.join(report, "..", "study.png"))
finally:
    browser.quit()

from PIL import Image

picture = os.path.join(report, "..", "study.png")
colours = len(Image.open(picture).convert("RGB").getcolors(maxcolors=1 << 24))
if colours <= 50:
    fail(f"the screenshot {picture} looks blank ({colours} colours)")
step(f"Chromium shows {len(headings)} sections and {len(drawn)} charts; the screenshot {os.path.abspath(picture)} has {colours} colours")
