#!/usr/bin/env python3
"""The report opened in a real browser (Debian's headless Chromium through chromedriver and
Selenium), used as an analyst would: click an entity and read the quoted passage, open a
relation, find a path, filter by kind, remove entities and watch the network come apart, click a
table row, save the view as SVG and PNG. Every number the page shows is compared with what the
command line prints for the same question. Any console message of level SEVERE fails the test.

usage: report_browser.py THREATGRAPH SOURCE_DIR OUT_DIR [SHARED_DIR]
"""
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

CLI, SOURCE, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
SHARED = sys.argv[4] if len(sys.argv) > 4 else ""
FAILURES = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        FAILURES.append(what)


def cli(*args):
    result = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SystemExit("threatgraph %s failed: %s" % (" ".join(args), result.stderr))
    return result


def cli_json(*args):
    return json.loads(cli("--format", "json", *args).stdout)


def browser(downloads):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1600,1100"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    # Air-gapped: the page must not need the network, so the browser has none.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    return driver


def open_report(driver, path):
    driver.get("file://" + os.path.abspath(path))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.getAttribute('data-ready')") == "true")


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def search_and_select(driver, name):
    box = driver.find_element(By.ID, "search")
    box.clear()
    box.send_keys(name)
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, "#detail-body h3").text != "")


def click_node(driver, entity_id):
    node = driver.find_element(By.CSS_SELECTOR, 'g.node[data-id="%s"]' % entity_id)
    # The node's shape, not the group: Selenium clicks the centre of what it is given.
    ActionChains(driver).move_to_element(node.find_element(By.CSS_SELECTOR, ".shape")).click().perform()
    WebDriverWait(driver, 5).until(lambda d: "selected" in node.get_attribute("class"))
    return node


def find_path(driver, source, target, by):
    for field, value in (("path-from", source), ("path-to", target)):
        box = driver.find_element(By.ID, field)
        box.clear()
        box.send_keys(value)
    driver.find_element(By.CSS_SELECTOR, '#path-by option[value="%s"]' % by).click()
    driver.find_element(By.ID, "path-find").click()
    summary = WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "path-summary"))
    return int(summary.get_attribute("data-hops")), float(summary.get_attribute("data-confidence"))


def cohesion_now(driver):
    value = lambda key: float(driver.find_element(By.CSS_SELECTOR, '[data-now="%s"]' % key).get_attribute("data-value"))
    return {"largest": value("largest"), "components": value("components"), "fragmentation": value("fragmentation"),
            "entities": value("entities")}


def remove(driver, names):
    for name in names:
        search_and_select(driver, name)
        driver.find_element(By.ID, "remove-selected").click()


def wait_for_file(folder, name, seconds=20):
    path = os.path.join(folder, name)
    deadline = time.time() + seconds
    while time.time() < deadline:
        if os.path.exists(path) and os.path.getsize(path) > 0:
            return path
        time.sleep(0.2)
    return None


def no_remote_references(html):
    # The only URL allowed is the SVG namespace, which names and never fetches.
    stripped = html.replace("http://www.w3.org/2000/svg", "")
    return "http://" not in stripped and "https://" not in stripped and "//cdn" not in stripped


def graph_data_report(driver, downloads):
    data_dir = os.path.join(SOURCE, "graph-data")
    corpus = os.path.join(SHARED, "corpus") if SHARED else ""
    quotes = ["--sources", corpus] if corpus and os.path.isdir(corpus) else ["--no-quotes"]
    common = ["--data", data_dir] + quotes
    page = os.path.join(OUT, "report.html")
    cli(*common, "report", "-o", page)
    html = open(page, encoding="utf-8").read()
    check(no_remote_references(html), "graph-data report: no URL to fetch anything from")
    open_report(driver, page)
    entities = json.load(open(os.path.join(data_dir, "entities.json")))["entities"]
    relations = json.load(open(os.path.join(data_dir, "relations.json")))["relations"]
    check(len(driver.find_elements(By.CSS_SELECTOR, "g.node")) == len(entities), "every entity is drawn (%d)" % len(entities))
    check(len(driver.find_elements(By.CSS_SELECTOR, "g.edge")) == len(relations), "every relation is drawn (%d)" % len(relations))

    # Click an entity: its evidence with the exact passage, as `show` prints it.
    search_and_select(driver, "FARC")
    driver.find_element(By.ID, "fit").click()
    click_node(driver, "farc")
    shown = cli_json(*common, "show", "farc")
    check(driver.find_element(By.CSS_SELECTOR, "#detail-body h3").text == "FARC", "clicking FARC shows FARC")
    passages = [e.find_element(By.CSS_SELECTOR, ".paraphrase").text for e in driver.find_elements(By.CSS_SELECTOR, "#detail-body .evidence")]
    check(shown["evidence"][0]["paraphrase"] in passages, "the evidence panel shows FARC's evidence")
    if "quote" in shown["evidence"][0]:
        quotes_shown = [q.text for q in driver.find_elements(By.CSS_SELECTOR, "#detail-body .evidence blockquote")]
        check("\u201c" + shown["evidence"][0]["quote"] + "\u201d" in quotes_shown, "the evidence panel quotes the exact passage behind FARC")

    # Click one of its relations: grade, confidence and the passage behind it.
    link = driver.find_element(By.CSS_SELECTOR, "#detail-body .relations a.relation")
    relation_id = None
    index = int(link.get_attribute("data-index"))
    link.click()
    relation_id = driver.execute_script("return JSON.parse(document.getElementById('tg-data').textContent).relations[%d].id" % index)
    relation = cli_json(*common, "show", relation_id)["relation"]
    body = driver.find_element(By.ID, "detail-body").text
    check(relation_id in body, "clicking a relation shows its id " + relation_id)
    if relation.get("grading"):
        check(relation["grading"] in body, "the relation's Admiralty grade is shown")
    if relation["evidence"] and "quote" in relation["evidence"][0]:
        check(relation["evidence"][0]["quote"] in body, "the relation's passage is quoted")
    check("selected" in driver.find_element(By.CSS_SELECTOR, 'g.edge[data-id="%s"]' % relation_id).get_attribute("class"),
          "the clicked relation is highlighted in the network")

    # A path, by confidence and by hops, as `paths` finds it (relations read either way).
    hops, confidence = find_path(driver, "FARC", "Hezbollah", "confidence")
    expected = cli_json(*common, "paths", "--lens", "all", "FARC", "Hezbollah", "--direction", "any")["paths"][0]
    check(hops == expected["hops"] and abs(confidence - expected["confidence"]) < 1e-9,
          "most credible path FARC-Hezbollah: %d hops, %.6f (paths: %d, %.6f)" % (hops, confidence, expected["hops"], expected["confidence"]))
    on_path = driver.find_elements(By.CSS_SELECTOR, "g.edge.on-path")
    check(len(on_path) == hops, "the path's relations are drawn heavy (%d)" % len(on_path))
    check(len(driver.find_elements(By.CSS_SELECTOR, "#edge-labels text")) >= hops, "the path's relations are labelled")
    hops, _ = find_path(driver, "MS-13", "Hezbollah", "hops")
    expected = cli_json(*common, "paths", "--lens", "all", "MS-13", "Hezbollah", "--direction", "any", "--weight", "hops")["paths"][0]
    check(hops == expected["hops"], "fewest hops MS-13-Hezbollah: %d (paths: %d)" % (hops, expected["hops"]))
    driver.find_element(By.ID, "path-clear").click()

    # Filter by kind: states hidden, and the relations that touch them.
    driver.find_element(By.CSS_SELECTOR, '#kind-filter input[data-kind="state"]').click()
    kind_of = {e["id"]: e["kind"] for e in entities}
    kept = [e for e in entities if e["kind"] != "state"]
    kept_relations = [r for r in relations if kind_of[r["source"]] != "state" and kind_of[r["target"]] != "state"]
    count = driver.find_element(By.ID, "view-count")
    check(int(count.get_attribute("data-entities")) == len(kept), "hiding states leaves %d entities" % len(kept))
    check(int(count.get_attribute("data-relations")) == len(kept_relations), "and %d relations" % len(kept_relations))
    check(not driver.find_element(By.CSS_SELECTOR, 'g.node[data-id="panama"]').is_displayed(), "Panama is hidden")
    driver.save_screenshot(os.path.join(OUT, "report-no-states.png"))
    driver.find_element(By.CSS_SELECTOR, '#kind-filter input[data-kind="state"]').click()
    check(int(count.get_attribute("data-entities")) == len(entities), "showing states again brings back every entity")

    # A relation type, a threat domain and a confidence threshold, each against the data files.
    driver.find_element(By.CSS_SELECTOR, "#filters details:nth-of-type(3) summary").click()
    driver.find_element(By.CSS_SELECTOR, '#type-filter input[data-type="participates_in"]').click()
    others = [r for r in relations if r["type"] != "participates_in"]
    check(int(count.get_attribute("data-relations")) == len(others), "hiding participates in leaves %d relations" % len(others))
    driver.find_element(By.CSS_SELECTOR, '#type-filter input[data-type="participates_in"]').click()
    driver.find_element(By.CSS_SELECTOR, "#filters details:nth-of-type(2) summary").click()
    driver.find_element(By.CSS_SELECTOR, '#domain-filter input[data-domain="terrorism"]').click()
    hidden = {e["id"] for e in entities if e.get("domains") and set(e["domains"]) <= {"terrorism"}}
    check(int(count.get_attribute("data-entities")) == len(entities) - len(hidden),
          "hiding terrorism hides the %d entities of that domain alone" % len(hidden))
    driver.find_element(By.CSS_SELECTOR, '#domain-filter input[data-domain="terrorism"]').click()
    driver.execute_script("var s = document.getElementById('min-confidence'); s.value = '0.8'; s.dispatchEvent(new Event('input'));")
    confident = [r for r in relations if r["confidence"] >= 0.8]
    check(int(count.get_attribute("data-relations")) == len(confident), "confidence at least 0.8 keeps %d relations" % len(confident))
    driver.execute_script("var s = document.getElementById('min-confidence'); s.value = '0'; s.dispatchEvent(new Event('input'));")
    check(int(count.get_attribute("data-relations")) == len(relations), "confidence at least 0 shows every relation again")

    # Remove and watch, against `disrupt --strategy names`.
    remove(driver, ["FARC", "Colombia"])
    now = cohesion_now(driver)
    step = cli_json(*common, "disrupt", "--strategy", "names", "--targets", "farc,colombia")["steps"][-1]
    check(now["largest"] == step["largest_component"] and now["components"] == step["components"]
          and abs(now["fragmentation"] - step["fragmentation"]) < 1e-9,
          "removing FARC and Colombia: largest %d, %d components, F %.6f (disrupt: %d, %d, %.6f)" % (
              now["largest"], now["components"], now["fragmentation"], step["largest_component"], step["components"], step["fragmentation"]))
    check(len(driver.find_elements(By.CSS_SELECTOR, "g.node.removed")) == 2, "the removed entities are greyed")
    driver.find_element(By.ID, "remove-reset").click()

    # The key players table, against `keyplayers`, and a row that highlights the network.
    expected_ids = [m["id"] for m in cli_json(*common, "keyplayers", "--k", "5")["set"]]
    rows = driver.find_elements(By.CSS_SELECTOR, "#tab-keyplayers tbody tr")
    data_ids = driver.execute_script("var d = JSON.parse(document.getElementById('tg-data').textContent);"
                                     "return d.keyplayers.members.map(function (m) { return d.entities[m.e].id; });")
    check(sorted(data_ids) == sorted(expected_ids), "the key players are keyplayers --k 5's: %s" % ", ".join(expected_ids))
    rows[1].click()
    second = driver.find_element(By.CSS_SELECTOR, 'g.node[data-index="%s"]' % rows[1].get_attribute("data-index"))
    check("selected" in second.get_attribute("class"), "a table row highlights its entity in the network")
    driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="brokers"]').click()
    check(len(driver.find_elements(By.CSS_SELECTOR, "#tab-brokers tbody tr")) > 0, "the convergence brokers are listed")
    driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="gaps"]').click()
    gaps = cli_json(*common, "counter-network")["uncovered"]
    check(len(driver.find_elements(By.CSS_SELECTOR, "#tab-gaps tbody tr")) >= len(gaps), "the counter-network gaps are listed")

    # Save the view.
    driver.find_element(By.ID, "export-svg").click()
    saved = wait_for_file(downloads, "threatgraph-view.svg")
    check(saved is not None, "Save SVG writes threatgraph-view.svg")
    if saved:
        root = ET.parse(saved).getroot()
        nodes = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if "node" in (g.get("class") or "").split()]
        check(len(nodes) == len(entities), "the saved SVG holds the drawn entities (%d)" % len(nodes))
    driver.find_element(By.ID, "export-png").click()
    saved = wait_for_file(downloads, "threatgraph-view.png")
    check(saved is not None and open(saved, "rb").read(8) == b"\x89PNG\r\n\x1a\n", "Save PNG writes a PNG image")

    driver.save_screenshot(os.path.join(OUT, "report-graph-data.png"))

    # Printed for a briefing: the controls go, the view, the details and every table stay.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    shown = lambda selector: driver.find_element(By.CSS_SELECTOR, selector).is_displayed()
    check(not shown("#filters") and not shown("#path-finder") and not shown("header .actions"), "printed: the controls are left out")
    check(shown("#network") and shown("#details") and all(shown("#tab-" + t) for t in ("keyplayers", "brokers", "gaps")),
          "printed: the network, the details and all three tables")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(driver.print_page())
    open(os.path.join(OUT, "report-graph-data.pdf"), "wb").write(pdf)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    check(pdf.startswith(b"%PDF") and pages >= 2, "printing makes a PDF of %d pages (at least two: the view, then the tables)" % pages)

    errors = console_errors(driver)
    check(not errors, "no console error on the graph-data report" + ("" if not errors else ": %s" % errors))


def confident_chain_report(driver):
    """A chain through a relation of confidence 1 (which costs nothing) ties with the way it
    came: the path finder must end, and agree with `paths`. Names in another script and with
    accents are found as the command line finds them."""
    folder = tempfile.mkdtemp()
    data = os.path.join(folder, "tiny")
    shutil.copytree(os.path.join(SOURCE, "tests", "data", "tiny"), data)
    relations_path = os.path.join(data, "relations.json")
    relations = json.load(open(relations_path))
    for r in relations["relations"]:
        if (r["source"], r["target"]) == ("farc", "venezuela"):
            r["confidence"], r["grading"] = 0.5, "B3"
        if (r["source"], r["target"]) == ("farc", "colombia"):
            r["confidence"] = 1.0
            r.pop("grading", None)
    json.dump(relations, open(relations_path, "w"), indent=2)
    entities_path = os.path.join(data, "entities.json")
    entities = json.load(open(entities_path))
    for e in entities["entities"]:
        if e["id"] == "panama":
            e.setdefault("aliases", []).append("\u041f\u0430\u043d\u0430\u043c\u0430")
    json.dump(entities, open(entities_path, "w"), indent=2, ensure_ascii=False)
    common = ["--data", data, "--no-quotes"]
    page = os.path.join(OUT, "report-tiny.html")
    cli(*common, "report", "-o", page)
    open_report(driver, page)
    hops, confidence = find_path(driver, "Venezuela", "MS-13", "confidence")
    expected = cli_json(*common, "paths", "--lens", "all", "venezuela", "ms13", "--direction", "any")["paths"][0]
    check(hops == expected["hops"] and abs(confidence - expected["confidence"]) < 1e-9,
          "a chain through a relation of confidence 1: %d hops, %.4f (paths: %d, %.4f)" % (hops, confidence, expected["hops"], expected["confidence"]))
    search_and_select(driver, "\u041f\u0430\u043d\u0430\u043c\u0430")
    check(driver.find_element(By.CSS_SELECTOR, "#detail-body h3").text == "Panama", "an alias in Cyrillic finds Panama")
    search_and_select(driver, "Panam\u00e1")
    check(driver.find_element(By.CSS_SELECTOR, "#detail-body h3").text == "Panama", "Panam\u00e1, accented, finds Panama")
    errors = console_errors(driver)
    check(not errors, "no console error on the tiny report" + ("" if not errors else ": %s" % errors))
    shutil.rmtree(folder)


def network_report(driver):
    folder = os.path.join(SHARED, "datasets", "krebs-911") if SHARED else ""
    if folder and os.path.isdir(folder):
        common = ["--input", os.path.join(folder, "covert_2__1_edges.csv"), "--nodes", os.path.join(folder, "covert_2__1_nodes.csv"),
                  "--undirected", "--self-loops", "drop"]
        name, a, b = "Krebs 9/11", "Mohamed Atta", "Hani Hanjour"
    else:
        common = ["--input", os.path.join(SOURCE, "tests", "data", "networks", "meetings.csv")]
        name, a, b = "meetings", None, None
    page = os.path.join(OUT, "report-network.html")
    cli(*common, "report", "-o", page)
    open_report(driver, page)
    count = int(driver.find_element(By.ID, "view-count").get_attribute("data-entities"))
    expected = cli_json(*common, "info")["entities"]
    check(count == expected, "%s: every node is shown (%d)" % (name, expected))
    ids = driver.execute_script("return JSON.parse(document.getElementById('tg-data').textContent).entities.map(function (e) { return e.name; });")
    a = a or ids[0]
    b = b or ids[-1]
    search_and_select(driver, a)
    check(driver.find_element(By.CSS_SELECTOR, "#detail-body h3").text == a, "%s: searching %s selects it" % (name, a))
    hops, _ = find_path(driver, a, b, "hops")
    expected_hops = cli_json(*common, "paths", "--lens", "all", a, b, "--weight", "hops", "--direction", "any")["paths"][0]["hops"]
    check(hops == expected_hops, "%s: %s to %s in %d hops (paths: %d)" % (name, a, b, hops, expected_hops))
    remove(driver, [a])
    now = cohesion_now(driver)
    step = cli_json(*common, "disrupt", "--strategy", "names", "--targets", driver.execute_script(
        "var d = JSON.parse(document.getElementById('tg-data').textContent); return d.entities[%s].id;" %
        driver.find_element(By.CSS_SELECTOR, "g.node.removed").get_attribute("data-index")))["steps"][-1]
    check(now["largest"] == step["largest_component"] and abs(now["fragmentation"] - step["fragmentation"]) < 1e-9,
          "%s: removing %s gives disrupt's largest component and fragmentation" % (name, a))
    driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="brokers"]').click()
    check("threat domain" in driver.find_element(By.ID, "tab-brokers").text.lower() or
          len(driver.find_elements(By.CSS_SELECTOR, "#tab-brokers tbody tr")) > 0,
          "%s: the brokers tab says why it is empty or lists brokers" % name)
    driver.save_screenshot(os.path.join(OUT, "report-network.png"))
    errors = console_errors(driver)
    check(not errors, "no console error on the %s report" % name + ("" if not errors else ": %s" % errors))


class Stalled(Exception):
    pass


def stalled(signum, frame):
    raise Stalled()


def main():
    os.makedirs(OUT, exist_ok=True)
    # A page that hangs (a script in an endless loop) blocks the browser's answers: each part of
    # the test gets two minutes, then fails with a message instead of waiting forever.
    signal.signal(signal.SIGALRM, stalled)
    with tempfile.TemporaryDirectory() as downloads:
        driver = browser(downloads)
        try:
            for part in (graph_data_report, confident_chain_report, network_report):
                signal.alarm(120)
                part(driver, downloads) if part is graph_data_report else part(driver)
                signal.alarm(0)
        except Stalled:
            FAILURES.append("the page stopped answering for two minutes (a script that never ends?)")
            print("FAIL  the page stopped answering for two minutes (a script that never ends?)")
            # A hung page would hang quit() too: the browser and its driver are killed instead.
            driver_pid = driver.service.process.pid
            subprocess.run(["pkill", "-KILL", "-P", str(driver_pid)], check=False)
            driver.service.process.kill()
            driver = None
        except TimeoutException as e:
            FAILURES.append("the page did not answer in time: %s" % e)
            print("FAIL  the page did not answer in time")
        finally:
            signal.alarm(0)
            if driver is not None:
                driver.quit()
    print("screenshots in " + OUT)
    if FAILURES:
        print("%d failed" % len(FAILURES))
        sys.exit(1)


if __name__ == "__main__":
    main()
