#!/usr/bin/env python3
"""Crawls a running Masthead site and saves every page it reaches, so that two builds can be compared
byte for byte (a redesign must not change what readers and the newsroom see):

    python3 scripts/crawl.py http://127.0.0.1:8091 /tmp/crawl-before
    python3 scripts/crawl.py http://127.0.0.1:8092 /tmp/crawl-after
    diff -r /tmp/crawl-before /tmp/crawl-after

Serve both builds at the same time from copies of one database, so that clock-dependent labels
(`11:25`, `13 Feb`) agree. With MASTHEAD_SIGN_IN=EMAIL:PASSWORD it signs in to the newsroom first and
crawls its pages too. It follows same-site links from `/` (and `/newsroom` when signed in) with GET
only, never a link that signs out, and blanks what differs per session (CSRF tokens, session-bound
form values) so that only real differences remain. Standard library only.
"""
import hashlib
import http.cookiejar
import os
import re
import sys
import urllib.parse
import urllib.request
from html.parser import HTMLParser

LIMIT = int(os.environ.get("CRAWL_LIMIT", "600"))
SKIP = re.compile(r"/sign-out|/signout|/logout|/export|\.(png|jpe?g|gif|webp|woff2?)$")
PER_SESSION = [
    (re.compile(r'(name="csrf_token" value=")[^"]*(")'), r"\1…\2"),
    (re.compile(r'(name="csrf-token" content=")[^"]*(")'), r"\1…\2"),
    (re.compile(r'("csrf_token":")[^"]*(")'), r"\1…\2"),
]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and ((tag == "a" and name == "href") or (tag == "link" and name == "href")):
                self.found.append(value)


def main() -> None:
    base, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    starts = ["/"]
    credentials = os.environ.get("MASTHEAD_SIGN_IN")
    if credentials:
        sign_in(opener, base, *credentials.split(":", 1))
        starts.append("/newsroom")
    seen, queue = set(starts), list(starts)
    while queue and len(seen) <= LIMIT:
        path = queue.pop(0)
        status, kind, body = fetch(opener, base + path)
        text = body.decode("utf-8", "replace") if "text" in kind or "json" in kind or "xml" in kind else None
        if text is not None:
            for pattern, replacement in PER_SESSION:
                text = pattern.sub(replacement, text)
        save(out, path, status, text.encode() if text is not None else body)
        if text is None or "html" not in kind:
            continue
        parser = Links()
        parser.feed(text)
        for link in parser.found:
            target = urllib.parse.urljoin(base + path, link)
            if not target.startswith(base):
                continue
            next_path = target[len(base):].split("#")[0] or "/"
            if next_path not in seen and not SKIP.search(next_path):
                seen.add(next_path)
                queue.append(next_path)
    print(f"{len(seen)} addresses crawled into {out}")


def sign_in(opener, base, email, password):
    _, _, body = fetch(opener, base + "/newsroom/sign-in")
    token = re.search(rb'name="csrf_token" value="([^"]*)"', body)
    form = {"email": email, "password": password}
    if token:
        form["csrf_token"] = token.group(1).decode()
    request = urllib.request.Request(
        base + "/newsroom/sign-in", data=urllib.parse.urlencode(form).encode(),
        headers={"Origin": base, "Content-Type": "application/x-www-form-urlencoded"})
    opener.open(request).read()


def fetch(opener, url):
    try:
        with opener.open(url) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def save(out, path, status, body):
    name = re.sub(r"[^A-Za-z0-9._-]", "_", path.strip("/")) or "home"
    if len(name) > 120:
        name = name[:100] + "-" + hashlib.sha1(path.encode()).hexdigest()[:12]
    with open(os.path.join(out, name), "wb") as file:
        file.write(f"{status} {path}\n".encode() + body)


if __name__ == "__main__":
    main()
