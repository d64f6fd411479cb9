"""Benchmarks/comments/seed.py — posts COUNT comments to one thread through the public way in, for
Benchmarks/comments.sh: Masthead's HTML form or isso's JSON API, eight at a time, each comment from its
own reader address (X-Forwarded-For OCTET.x.y.z), name and text. Prints the number acknowledged
(2xx or 303) and exits 1 if any post was not.

Usage: python3 seed.py masthead|isso URL COUNT OCTET [TOKEN]
  URL is where the form or API posts (http://127.0.0.1:PORT/articles/SLUG/comments, or
  http://127.0.0.1:PORT/new?uri=/bench-page); TOKEN is Masthead's CSRF token (cookie and field).
"""
import http.client
import json
import sys
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

system, url, count, octet = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
token = sys.argv[5] if len(sys.argv) > 5 else ""
parts = urllib.parse.urlsplit(url)
target = parts.path + ("?" + parts.query if parts.query else "")
origin = f"{parts.scheme}://{parts.netloc}"
local = threading.local()


def post(n):
    address = f"{octet}.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
    name = f"Reader {octet}-{n}"
    text = f"Comment {octet}-{n} in a long thread: a reader's view of the story, long enough to be typical."
    headers = {"X-Forwarded-For": address, "Origin": origin}
    if system == "isso":
        body = json.dumps({"text": text, "author": name, "title": "Bench page"})
        headers.update({"Content-Type": "application/json", "Referer": origin + "/bench-page"})
    else:
        body = urllib.parse.urlencode({"display_name": name, "body": text, "csrf_token": token})
        headers.update({"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"masthead_csrf={token}"})
    for attempt in range(2):  # once more on a connection the server closed (isso closes every one)
        if getattr(local, "connection", None) is None:
            local.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        try:
            local.connection.request("POST", target, body, headers)
            response = local.connection.getresponse()
            response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            local.connection.close()
            local.connection = None
            if attempt:
                raise
            continue
        if response.getheader("Connection", "").lower() == "close":
            local.connection.close()
            local.connection = None
        return response.status


with ThreadPoolExecutor(max_workers=8) as pool:
    statuses = list(pool.map(post, range(count)))
acknowledged = sum(1 for s in statuses if 200 <= s < 300 or s == 303)
print(acknowledged)
if acknowledged != count:
    refused = sorted({s for s in statuses if not (200 <= s < 300 or s == 303)})
    print(f"seed: {count - acknowledged} of {count} posts refused (statuses {refused})", file=sys.stderr)
    sys.exit(1)
