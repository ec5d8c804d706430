#!/usr/bin/env python3
"""End-to-end browser test of the Junction dashboard (Selenium + headless Chromium).

Usage:
  dashboard_test.py --base-url http://127.0.0.1:8080 --password 'admin password' \
      --mock-url http://127.0.0.1:9001/v1 --screenshots /tmp/shots

Exits 0 when every step passes, 1 with a message naming the failed step otherwise.
See Tests/Dashboard/README.md.
"""
import argparse
import json
import os
import sys
import time
import traceback
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

PAGES = ["", "providers", "combos", "keys", "usage", "requests", "health", "saver", "settings"]


class Failure(Exception):
    pass


class Test:
    def __init__(self, args):
        self.args = args
        self.base = args.base_url.rstrip("/")
        self.run = time.strftime("%H%M%S")
        self.provider = f"mock{self.run}"
        self.combo = f"combo{self.run}"
        self.key_name = f"key{self.run}"
        self.key = None
        self.step = "start"
        os.makedirs(args.screenshots, exist_ok=True)
        opts = webdriver.ChromeOptions()
        for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US"]:
            opts.add_argument(a)
        if args.chromium:
            opts.binary_location = args.chromium
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(args.chromedriver) if args.chromedriver else Service()
        self.d = webdriver.Chrome(options=opts, service=service)
        self.d.set_script_timeout(20)

    # ---------- helpers ----------
    def log(self, msg):
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)

    def begin(self, step):
        self.step = step
        self.log(f"STEP {step}")

    def check(self, cond, msg):
        if not cond:
            raise Failure(msg)

    def css(self, testid):
        return f'[data-testid="{testid}"]'

    def wait(self, testid, timeout=10, visible=True):
        cond = EC.visibility_of_element_located if visible else EC.presence_of_element_located
        try:
            return WebDriverWait(self.d, timeout).until(cond((By.CSS_SELECTOR, self.css(testid))))
        except TimeoutException:
            raise Failure(f'element data-testid="{testid}" did not appear within {timeout}s (url {self.d.current_url})')

    def wait_until(self, fn, timeout, what):
        end = time.time() + timeout
        last = None
        while time.time() < end:
            try:
                v = fn()
                if v:
                    return v
            except WebDriverException as e:
                last = e
            time.sleep(0.25)
        shown = self.error_text()
        raise Failure(f"timed out after {timeout}s waiting for {what}" + (f" ({last.msg})" if last else "")
                      + (f"; the page shows: {shown}" if shown else ""))

    def el(self, testid):
        return self.d.find_element(By.CSS_SELECTOR, self.css(testid))

    def type(self, testid, text, clear=True):
        e = self.wait(testid)
        if clear:
            e.clear()
        e.send_keys(text)
        return e

    def click(self, testid):
        e = self.wait(testid)
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", e)
        e.click()
        return e

    def go(self, page):
        """Client-side navigation through the nav (no reload)."""
        self.click(f"nav-{page or 'overview'}")
        self.wait_until(lambda: self.d.execute_script("return document.body.dataset.ready") == (page or "overview"), 15, f"page {page or 'overview'} to render")

    def reload(self):
        self.d.refresh()
        self.wait_until(lambda: self.d.execute_script("return document.body.dataset.ready"), 15, "the page to render after a reload")

    def fetch_status(self, path):
        return self.d.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status)).catch(e => done(String(e)));", path)

    def error_text(self):
        try:
            boxes = [b.text for b in self.d.find_elements(By.CSS_SELECTOR, ".error-box") if b.is_displayed() and b.text]
        except WebDriverException:
            return ""
        return "; ".join(boxes)

    def viewport(self, width, height):
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def shot(self, name, width=1280, full=True):
        """A PNG of the page at the given CSS width, as tall as the page (at most 4000 px)."""
        for t in (self.d.find_elements(By.CSS_SELECTOR, ".toast")):
            self.d.execute_script("arguments[0].remove()", t)
        self.viewport(width, 800)
        time.sleep(0.4)
        height = self.d.execute_script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
        if full:
            self.viewport(width, min(max(height, 600), 4000))
            time.sleep(0.4)
        path = os.path.join(self.args.screenshots, f"{name}.png")
        self.d.save_screenshot(path)
        self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.log(f"  screenshot {path}")

    def set_theme(self, theme):
        if theme:
            self.d.execute_script("localStorage.setItem('junction-theme', arguments[0])", theme)
        else:
            self.d.execute_script("localStorage.removeItem('junction-theme')")

    def chat(self, key, model):
        body = json.dumps({"model": model, "messages": [{"role": "user", "content": "Say hello."}], "max_tokens": 16}).encode()
        req = urllib.request.Request(f"{self.base}/v1/chat/completions", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(errors="replace")

    # ---------- steps ----------
    def anonymous(self):
        self.begin("anonymous visitor gets the login page everywhere")
        for page in PAGES + ["no-such-page"]:
            self.d.get(f"{self.base}/dashboard/{page}".rstrip("/"))
            self.wait("login-page")
            self.check(not self.d.find_elements(By.CSS_SELECTOR, self.css("nav-overview")), f"/dashboard/{page} showed the app shell to an anonymous visitor")
        status = self.fetch_status("/api/providers")
        self.check(status == 401, f"anonymous fetch('/api/providers') returned {status}, expected 401")
        self.log("  every URL served the login page; /api/providers → 401")

    def login(self):
        self.begin("log in")
        self.d.get(f"{self.base}/dashboard")
        self.wait_until(lambda: any(self.d.find_element(By.ID, i).is_displayed() for i in ("login-form", "setup-form", "setup-remote")), 10, "a login or setup form")
        self.set_theme("light")
        if self.d.find_element(By.ID, "setup-form").is_displayed():
            self.log("  no password yet: using the set-up form")
            self.shot("login-setup")
            self.type("setup-password", self.args.password)
            self.type("setup-confirm", self.args.password)
            self.click("setup-submit")
        else:
            self.check(self.d.find_element(By.ID, "login-form").is_displayed(), "set-up is required but not allowed from here; run `junction admin set-password`")
            self.type("login-password", self.args.password + "-wrong")
            self.click("login-submit")
            err = self.wait("login-error")
            self.check(err.text.strip() != "", "a wrong password showed no error")
            self.log(f"  wrong password → {err.text!r}")
            self.shot("login")
            self.type("login-password", self.args.password)
            self.click("login-submit")
        try:
            self.wait("nav-overview", 10)
        except Failure:
            raise Failure(f"login did not reach the dashboard: {self.error_text() or 'no message'}")
        self.wait("stat-requests", 10)
        self.log("  logged in")

    def add_provider(self):
        self.begin("add a provider pointing at the mock")
        self.go("providers")
        details = self.wait("add-provider")
        if not details.get_attribute("open"):
            self.click("add-provider-toggle")
        self.click("prov-mode-url")
        self.type("prov-id", self.provider)
        self.type("prov-base-url", self.args.mock_url)
        Select(self.wait("prov-format")).select_by_value("openai")
        self.type("prov-models", "gpt-4o-mini")
        self.type("prov-account-name", "test")
        self.type("prov-account-key", "sk-test-dashboard-0000")
        self.click("prov-submit")
        try:
            card = self.wait(f"provider-{self.provider}", 10)
        except Failure:
            raise Failure(f"the provider was not added: {self.error_text() or 'no message'}")
        self.check("sk-test-dashboard-0000" not in self.d.page_source, "the account key is shown back in the page")
        self.check("0000" in card.text, "the account's key hint (last 4 characters) is not shown")
        self.click(f"test-{self.provider}")
        out = self.wait(f"test-outcome-{self.provider}", 30)
        self.log(f"  test: {out.text!r}")
        self.check(out.get_attribute("data-ok") == "true", f"provider test failed: {out.text}")

    def add_combo(self):
        self.begin("create a combo targeting it")
        self.go("combos")
        self.click("new-combo")
        self.type("combo-name", self.combo)
        target = f"{self.provider}/gpt-4o-mini"
        self.type("target-0-0", target)
        # exercise keyboard reordering: add a second target, move it up, check the order, remove it
        self.click("add-target-0")
        self.type("target-0-1", "placeholder/target")
        self.click("target-up-0-1")
        self.check(self.el("target-0-0").get_attribute("value") == "placeholder/target", "the ↑ button did not move the target up")
        self.check(self.el("target-0-1").get_attribute("value") == target, "the ↑ button lost the other target")
        # and drag and drop (synthetic HTML5 drag events): move the first target back below the second
        self.d.execute_script("""
            const src = arguments[0].closest('li'), dst = arguments[1].closest('li');
            const dt = new DataTransfer();
            const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}));
            fire(src, 'dragstart'); fire(dst, 'dragover'); fire(dst, 'drop'); fire(src, 'dragend');
        """, self.el("target-0-1"), self.el("target-0-0"))
        self.check(self.el("target-0-0").get_attribute("value") == target, "drag and drop did not move the target")
        self.click("target-up-0-1")
        self.click("target-remove-0-0")
        self.check(self.el("target-0-0").get_attribute("value") == target, "removing a target removed the wrong one")
        self.click("combo-save")
        try:
            self.wait(f"combo-row-{self.combo}", 10)
        except Failure:
            raise Failure(f"the combo was not created: {self.error_text() or 'no message'}")
        self.type("preview-model", self.combo)
        self.click("preview-submit")
        self.wait("preview-result")
        attempts = self.wait_until(lambda: self.d.find_elements(By.CSS_SELECTOR, self.css("preview-attempts")), 10, "dry-run attempts")
        self.check(self.provider in attempts[0].text, f"the dry run does not route to {self.provider}: {attempts[0].text!r}")
        self.log(f"  dry run: {attempts[0].text!r}")

    def create_key(self):
        self.begin("create a client key and read it once")
        self.go("keys")
        details = self.wait("create-key")
        if not details.get_attribute("open"):
            self.click("create-key-toggle")
        self.type("key-name", self.key_name)
        self.type("key-requests_per_minute", "600")
        self.click("key-create")
        try:
            panel = self.wait("new-key-panel", 10)
        except Failure:
            raise Failure(f"the key was not created: {self.error_text() or 'no message'}")
        self.key = self.el("new-key-value").text.strip()
        self.check(len(self.key) >= 16, f"the shown key looks wrong: {self.key!r}")
        self.check("shown only this once" in panel.text, "the shown-once warning is missing")
        self.wait(f"key-row-{self.key_name}")
        self.shot("keys-created")
        self.click("dismiss-key")
        self.check(not self.d.find_elements(By.CSS_SELECTOR, self.css("new-key-panel")), "the key panel did not go away")
        self.check(self.key not in self.d.page_source, "the key is still in the page after dismissing")
        self.log(f"  key {self.key[:8]}… read from the panel")

    def usage_total(self):
        t = self.wait("usage-table").find_element(By.TAG_NAME, "table").get_attribute("data-total-requests")
        c = self.el("usage-chart").get_attribute("data-total")
        return int(t or 0), int(float(c or 0))

    def traffic(self):
        self.begin("usage baseline")
        self.go("usage")
        before = self.usage_total()
        self.log(f"  usage before: table {before[0]}, chart {before[1]}")

        self.begin("send traffic and see it in the live log")
        self.go("requests")
        self.wait_until(lambda: self.el("live-state").text == "live", 10, "the live log to connect")
        self.d.execute_script("window.__noReload = true")
        status, body = self.chat(self.key, self.combo)
        self.check(status == 200, f"/v1/chat/completions with the new key through {self.combo} returned {status}: {body}")
        self.log("  chat completion → 200")
        sel = f'{self.css("request-row")}[data-model="{self.combo}"]'
        row = self.wait_until(lambda: self.d.find_elements(By.CSS_SELECTOR, sel), 20, "the request to appear in the live log")[0]
        self.check(self.d.execute_script("return window.__noReload === true"), "the page reloaded")
        first = self.d.find_element(By.CSS_SELECTOR, self.css("request-row"))
        self.check(first.get_attribute("data-id") == row.get_attribute("data-id"), "the new request is not on top")
        row.find_element(By.CSS_SELECTOR, self.css("expand")).click()
        detail = self.wait(f"request-detail-{row.get_attribute('data-id')}")
        self.check(self.provider in detail.text, f"the expanded row does not show the attempt on {self.provider}")
        self.log("  request appeared live and expands")
        self.shot("requests-live")

        self.begin("usage count moves")
        self.go("usage")
        def moved():
            self.click("usage-refresh")
            time.sleep(0.5)
            now = self.usage_total()
            return now if now[0] > before[0] and now[1] > before[1] else None
        after = self.wait_until(moved, 20, "the usage totals to grow")
        self.log(f"  usage after: table {after[0]}, chart {after[1]}")

    def edit_limits(self):
        self.begin("edit the key's limits")
        self.go("keys")
        self.click(f"edit-key-{self.key_name}")
        key_id = self.el(f"key-row-{self.key_name}").get_attribute("data-id")
        self.type(f"edit-{key_id}-tokens_per_day", "500000")
        self.click(f"key-edit-save-{key_id}")
        self.wait_until(lambda: "500,000 tok/day" in self.el(f"key-row-{self.key_name}").text, 10,
                        "the new limit to show")
        self.log("  limits saved (PATCH)")

    def revoke(self):
        self.begin("revoke the key")
        self.go("keys")
        self.click(f"revoke-key-{self.key_name}")
        WebDriverWait(self.d, 5).until(EC.alert_is_present()).accept()
        self.wait_until(lambda: "revoked" in self.el(f"key-row-{self.key_name}").text, 10, "the key to show as revoked")
        status, body = self.wait_until(lambda: (lambda r: r if r[0] == 401 else None)(self.chat(self.key, self.combo)), 10, "the revoked key to get 401")
        self.log(f"  revoked key → {status}")

    def screenshots(self):
        self.begin("screenshots")
        for page in PAGES:
            self.go(page)
            time.sleep(0.8)
            if page == "saver":
                self.click("saver-preview-submit")
                self.wait("saver-after", 10)
            if page == "combos":
                self.type("preview-model", self.args.preview_model or self.combo)
                self.click("preview-submit")
                self.wait("preview-attempts", 10)
                self.shot("combos")
                self.click(f"edit-combo-{self.combo}")
                self.wait("combo-form")
                self.click("add-tier")
                self.type("target-1-0", f"{self.provider}/gpt-4o-mini")
                self.d.execute_script("window.scrollTo(0, 0)")
                self.shot("combos-editor")
                self.click("combo-cancel")
                continue
            self.shot(page or "overview")
        self.go("")
        self.set_theme("dark")
        self.reload()
        self.check(self.d.execute_script("return document.documentElement.dataset.theme") == "dark", "the dark theme was not applied")
        self.shot("overview-dark")
        self.set_theme("light")
        self.reload()
        self.shot("overview-360", width=360)
        self.viewport(360, 740)
        time.sleep(0.3)
        self.click("nav-toggle")
        self.wait("nav-providers")
        self.check(self.el("nav-toggle").get_attribute("aria-expanded") == "true", "the menu button does not report aria-expanded=true")
        self.shot("nav-360", width=360, full=False)
        self.viewport(360, 740)
        self.click("nav-toggle")
        self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def logout(self):
        self.begin("log out")
        self.click("logout")
        self.wait("login-page", 10)
        status = self.fetch_status("/api/providers")
        self.check(status == 401, f"after logout fetch('/api/providers') returned {status}, expected 401")
        self.log("  logged out; /api/providers → 401")

    def session_ends(self):
        self.begin("a session that ends sends the app back to the login page")
        self.d.get(f"{self.base}/dashboard")
        self.type("login-password", self.args.password)
        self.click("login-submit")
        self.wait("nav-keys", 10)
        self.d.delete_cookie("junction_session")
        self.click("nav-keys")
        self.wait("login-page", 10)
        self.log("  an /api call answered 401 and the page went to the login form")

    def run_all(self):
        self.anonymous()
        self.login()
        self.add_provider()
        self.add_combo()
        self.create_key()
        self.traffic()
        self.edit_limits()
        self.revoke()
        self.screenshots()
        self.logout()
        self.session_ends()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-url", required=True, help="Junction, e.g. http://127.0.0.1:8080")
    ap.add_argument("--password", required=True, help="the admin password (set up on first run if none)")
    ap.add_argument("--mock-url", required=True, help="an OpenAI-compatible mock, e.g. http://127.0.0.1:9001/v1")
    ap.add_argument("--screenshots", default="dashboard-screenshots", help="folder for the PNGs")
    ap.add_argument("--preview-model", help="model string for the dry run in the combos screenshot (default: the test's combo)")
    ap.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None))
    ap.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None))
    args = ap.parse_args()
    t = None
    try:
        t = Test(args)
        t.run_all()
    except Failure as e:
        print(f"\nFAIL in step '{t.step}': {e}", file=sys.stderr)
    except Exception as e:  # a bug in the test or a driver problem
        traceback.print_exc()
        print(f"\nFAIL in step '{t.step if t else 'start'}': {type(e).__name__}: {e}", file=sys.stderr)
    else:
        print("\nPASS: every dashboard step passed.")
        t.d.quit()
        return 0
    if t:
        try:
            path = os.path.join(args.screenshots, "failure.png")
            t.d.save_screenshot(path)
            print(f"screenshot of the failure: {path}", file=sys.stderr)
            for entry in [e for e in t.d.get_log("browser") if e["level"] in ("SEVERE", "WARNING")][-15:]:
                print(f"browser console: {entry['level']} {entry['message']}", file=sys.stderr)
        except Exception:
            pass
        t.d.quit()
    return 1


if __name__ == "__main__":
    sys.exit(main())
