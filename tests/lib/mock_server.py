#!/usr/bin/env python3
"""mock_server: the platforms' answers, on 127.0.0.1, for probe's tests.

    python3 mock_server.py PORTFILE LOG PAGES TESTDATA &

Binds a free port on 127.0.0.1, writes it to PORTFILE, and serves until
killed. Each request is logged to LOG as "SECONDS METHOD PATH" (monotonic
clock, one line, written as it arrives), so a test can check the pace, and
its User-Agent to LOG.ua.
PAGES is the folder of captured pages (../shared/probe-pages), TESTDATA
the folder of hand-made ones (testdata/probe). Standard library only.

With MOCK_UP=FILE in the environment (one channel name a line), it also
stands in for t.me on made-up names, as the README's example needs: a
name in FILE gets a channel page (its name as title, 100 subscribers a
line number), any other name a page with no title block and "noindex",
as t.me answers for a name nobody holds.
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

portfile, logfile, pages, testdata = sys.argv[1:5]
lock = threading.Lock()
count = {}

# path -> captured page (Telegram's /NAME, Discord's invite look-up)
CAPTURED = {
    "/durov": ("tme_channel_durov.html", "text/html"),
    "/python": ("tme_group_python.html", "text/html"),
    "/nikolai": ("tme_user_nikolai.html", "text/html"),
    "/BotFather": ("tme_bot_botfather.html", "text/html"),
    "/zzq9x7v2knot44": ("tme_free_username.html", "text/html"),
    "/api/v10/invites/G8MGEsC53": ("discord_invite_flarum_200.json", "application/json"),
}
# path -> hand-made page in TESTDATA
MADE = {
    "/+expiredhash": "mock_tme_invite_expired.html",
    "/kanal_ru": "mock_tme_channel_ru.html",
    "/ctl": "mock_tme_title_control.html",
    "/+livehash": "tme_invite_live.html",
}


UP = None
if os.environ.get("MOCK_UP"):
    with open(os.environ["MOCK_UP"]) as f:
        UP = {line.strip(): i for i, line in enumerate(f, 1) if line.strip()}


def read(folder, name):
    with open(os.path.join(folder, name), "rb") as f:
        return f.read()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def answer(self, code, body, ctype="text/html", headers=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def handle_one(self):
        path = self.path.split("?")[0]
        with lock:
            count[path] = count.get(path, 0) + 1
            n = count[path]
            with open(logfile, "a") as log:
                log.write("%.3f %s %s\n" % (time.monotonic(), self.command, path))
            with open(logfile + ".ua", "a") as log:
                log.write("%s\n" % self.headers.get("User-Agent"))
        if path in CAPTURED:
            name, ctype = CAPTURED[path]
            return self.answer(200, read(pages, name), ctype)
        if path in MADE:
            return self.answer(200, read(testdata, MADE[path]))
        if path == "/api/v1/validateInviteToken":	# Rocket.Chat: POST {"token": ...}
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(min(n, 65536))
            with lock:
                with open(logfile, "a") as log:
                    log.write("%.3f BODY %s\n" % (time.monotonic(), body.decode("utf-8", "replace")))
            if self.command != "POST":
                return self.answer(405, b"", "text/plain")
            name = "rocketchat_valid.json" if b'"goodtoken"' in body else "rocketchat_invalid.json"
            return self.answer(200, read(testdata, name), "application/json")
        if path == "/busy":		# 429 with Retry-After: 1, then the page
            if n == 1:
                return self.answer(429, b"Too Many Requests\n", "text/plain",
                                   [("Retry-After", "1")])
            return self.answer(200, read(pages, "tme_channel_durov.html"))
        if path == "/api/v10/invites/busyjson":	# Discord's JSON retry_after
            if n == 1:
                return self.answer(429, b'{"message": "You are being rate limited.", '
                                   b'"retry_after": 1.0, "global": false}',
                                   "application/json")
            return self.answer(200, read(pages, "discord_invite_flarum_200.json"),
                               "application/json")
        if path == "/flaky":		# 500 twice, then the page
            if n <= 2:
                return self.answer(500, b"Internal Server Error\n", "text/plain")
            return self.answer(200, read(pages, "tme_channel_durov.html"))
        if path == "/down":		# 500 every time
            return self.answer(500, b"Internal Server Error\n", "text/plain")
        if path == "/slow":		# past --timeout 1
            time.sleep(2.5)
            return self.answer(200, read(pages, "tme_channel_durov.html"))
        if path == "/loop":
            return self.answer(302, b"", "text/plain", [("Location", "/loop2")])
        if path == "/loop2":
            return self.answer(302, b"", "text/plain", [("Location", "/loop")])
        if path == "/moved":		# a redirect that stays on the host
            return self.answer(301, b"", "text/plain", [("Location", "https://t.me/durov")])
        if path == "/away":		# one that leaves it
            return self.answer(302, b"", "text/plain",
                               [("Location", "https://example.com/durov")])
        if path == "/headers":		# 100 KiB of header lines
            return self.answer(200, b"<html>", "text/html",
                               [("X-Pad-%d" % i, "y" * 1000) for i in range(100)])
        if path == "/huge":		# past the 2 MiB read
            return self.answer(200, b"<html>" + b"x" * (3 * 1024 * 1024))
        if path.startswith("/api/v10/invites/ban"):	# Cloudflare 1015
            return self.answer(429, b"error code: 1015", "text/plain")
        if path.startswith("/api/v10/invites/"):
            return self.answer(404, json.dumps({"message": "Unknown Invite",
                                                "code": 10006}).encode(),
                               "application/json")
        name = path[1:]
        if UP is not None and name and "/" not in name and not name.startswith("+"):
            if name in UP:
                page = ('<meta property="og:title" content="%s">'
                        '<div class="tgme_page_title"><span dir="auto">%s</span></div>'
                        '<div class="tgme_page_extra">%d subscribers</div>'
                        % (name, name, 100 * UP[name]))
                return self.answer(200, page.encode())
            page = ('<meta name="robots" content="noindex, nofollow">'
                    '<meta property="og:title" content="Telegram: Contact @%s">' % name)
            return self.answer(200, page.encode())
        return self.answer(404, b"not here\n", "text/plain")

    do_GET = handle_one
    do_POST = handle_one


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(portfile + ".tmp", "w") as f:
    f.write("%d\n" % server.server_address[1])
os.rename(portfile + ".tmp", portfile)
server.serve_forever()
