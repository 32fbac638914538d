#!/usr/bin/env python3
"""Loads an attn-repl HTML export in headless Chromium at 1000 px and checks, through the
DevTools protocol over --remote-debugging-pipe (standard library only), that

  - the page has no horizontal overflow (wide matrices scroll inside their own boxes),
  - no element clips its content (overflow hidden/clip with content larger than the box),
  - every decimal of every result in the transcript (the JSON export of the same session)
    is rendered in the page's math.

usage: check_html.py PAGE.html TRANSCRIPT.json [--print] [--screenshot OUT.png]
(--print: the same checks with print styles, at 720 px, an A4 page's printable width)
Exit status 0 when all checks pass, 1 when one fails, 2 when the browser could not be run."""
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

WIDTH = 1000
PRINT_WIDTH = 720
TIMEOUT = 60.0


class Browser:
    """Chromium with the DevTools protocol on fds 3 (commands in) and 4 (replies out)."""

    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="attn-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire_fds():            # in the child: the pipe ends as fds 3 and 4, whatever they were
            a, b = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--hide-scrollbars", "--disable-extensions", "--remote-debugging-pipe", f"--user-data-dir={self.profile}",
             f"--window-size={WIDTH},800", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_fds, pass_fds=(3, 4))    # fds closed after preexec_fn except these
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.deadline = time.monotonic() + TIMEOUT

    def close(self):
        try:
            self.send("Browser.close", wait=False)
        except OSError:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self.to_browser, self.from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def _message(self):
        while b"\0" not in self.buffer:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise EOFError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=None, wait=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        if not wait:
            return None
        while True:
            reply = self._message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method):
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._message()
            if event.get("method") == method:
                return event
            self.events.append(event)


# Runs in the page: layout facts, the clipped elements, and the rendered math text.
PAGE_CHECKS = r"""
(() => {
  const norm = s => s.replace(/\s+/g, '').replace(/\u2212/g, '-').replace(/\u2062|\u2061/g, '');
  const clipped = [];
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    const hides = v => v === 'hidden' || v === 'clip';
    if ((hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
        (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
      clipped.push(el.tagName + '.' + el.className + ': ' + (el.textContent || '').slice(0, 60));
    }
  }
  const right = document.documentElement.clientWidth;
  const outside = [];
  for (const el of document.querySelectorAll('.scroll, pre, p, h1, h2, h3, table, details')) {
    const r = el.getBoundingClientRect();
    if (r.right > right + 1) outside.push(el.tagName + '.' + el.className + ' ends at ' + Math.round(r.right));
  }
  const visible = el => el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null;
  const cells = [], maths = [];
  for (const td of document.querySelectorAll('mtd')) if (visible(td)) cells.push(norm(td.textContent));
  for (const m of document.querySelectorAll('math')) if (visible(m)) maths.push(norm(m.textContent));
  return JSON.stringify({
    viewport: window.innerWidth, clientWidth: right, scrollWidth: document.documentElement.scrollWidth,
    clipped, outside, cells, maths, mathCount: document.querySelectorAll('math').length,
    mtext: Array.from(document.querySelectorAll('mtext')).map(e => e.textContent)
  });
})()
"""


def rendered_form(decimal):
    """A recorded decimal as the page shows it: `-1.5e-07` → `-1.5×10-7`."""
    if "e" in decimal:
        mantissa, exponent = decimal.split("e")
        return f"{mantissa}×10{int(exponent)}"
    return decimal


def expected_decimals(transcript):
    """Every decimal of every result: statements, answers, loads and the lesson formulas shown."""
    with open(transcript, encoding="utf-8") as f:
        events = json.load(f)["events"]
    values = []
    for e in events:
        results = [v for v in e.get("results", []) if not v.get("silent") and "defined" not in v]
        results += [f["value"] for f in e.get("formulas", []) if "value" in f and "defined" not in f["value"]]
        for v in results:
            values += [(v.get("name", "(value)"), d) for d in v.get("values", [])]
    return values


def main():
    args = [a for a in sys.argv[1:]]
    screenshot = None
    if "--screenshot" in args:
        k = args.index("--screenshot")
        screenshot = args[k + 1]
        del args[k:k + 2]
    printing = "--print" in args
    if printing:
        args.remove("--print")
    width = PRINT_WIDTH if printing else WIDTH
    if len(args) != 2:
        sys.exit("usage: check_html.py PAGE.html TRANSCRIPT.json [--print] [--screenshot OUT.png]")
    page, transcript = (os.path.abspath(a) for a in args)
    executable = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not executable:
        print("check_html: no Chromium found", file=sys.stderr)
        sys.exit(2)

    browser = Browser(executable)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False}, session)
        if printing:
            browser.send("Emulation.setEmulatedMedia", {"media": "print"}, session)
        browser.send("Page.enable", {}, session)
        browser.send("Page.navigate", {"url": "file://" + page}, session)
        browser.wait_for("Page.loadEventFired")
        result = browser.send("Runtime.evaluate", {"expression": PAGE_CHECKS, "returnByValue": True}, session)
        facts = json.loads(result["result"]["value"])
        if screenshot:
            shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session)
            with open(screenshot, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
    except (OSError, EOFError, TimeoutError, RuntimeError, KeyError) as e:
        print(f"check_html: the browser could not check the page: {e}", file=sys.stderr)
        sys.exit(2)
    finally:
        browser.close()

    problems = []
    if facts["scrollWidth"] > facts["clientWidth"]:
        problems.append(f"the page overflows sideways: {facts['scrollWidth']} px wide in a {facts['clientWidth']} px window")
    problems += [f"clips its content: {c}" for c in facts["clipped"]]
    problems += [f"sticks out of the page: {o}" for o in facts["outside"]]
    cells, maths = set(facts["cells"]), facts["maths"]
    missing = []
    expected = expected_decimals(transcript)
    for name, decimal in expected:
        shown = rendered_form(decimal)
        if shown not in cells and not any(shown in m for m in maths):
            missing.append(f"{name}: {decimal}")
    problems += [f"decimal not rendered: {m}" for m in missing]
    for p in problems:
        print("check_html: " + p, file=sys.stderr)
    print(f"check_html: {facts['mathCount']} formulas at {facts['clientWidth']} px, {len(expected)} decimals checked, "
          f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
