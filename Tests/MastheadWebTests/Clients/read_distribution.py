"""What real clients make of a running Masthead site: feedparser on every RSS and Atom feed (and the
JSON Feed 1.1 rules on the JSON feeds, which feedparser 6.0 does not read), extruct and
trafilatura on an article page, ultimate-sitemap-parser walking robots.txt to every sitemap.
Prints one JSON object; the Swift test that runs this asserts on it.

    python read_distribution.py BASE_URL ARTICLE_PATH FEED_PATH...
"""
import json
import sys
import urllib.request
import warnings

warnings.filterwarnings("ignore")


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def read_json_feed(text):
    """feedparser 6.0 reads no JSON Feed, so the 1.1 spec's required fields are checked here, with
    dates parsed as RFC 3339 the way the spec asks."""
    from datetime import datetime

    problems = []
    feed = json.loads(text)
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append("version")
    if not isinstance(feed.get("title"), str):
        problems.append("title")
    entries = []
    for item in feed.get("items", []):
        for key in ("id", "url", "title", "content_html", "date_published"):
            if not isinstance(item.get(key), str):
                problems.append(f"item {key}")
        published = datetime.fromisoformat(item["date_published"].replace("Z", "+00:00"))
        authors = item.get("authors") or []
        entries.append({
            "title": item.get("title"),
            "link": item.get("url"),
            "author": authors[0]["name"] if authors else None,
            "published": [published.year, published.month, published.day, published.hour, published.minute,
                          published.second],
        })
    return {"version": "json11", "bozo": int(bool(problems)), "error": ", ".join(problems),
            "title": feed.get("title"), "entries": entries}


def main():
    base, article, *feeds = sys.argv[1:]
    import extruct
    import feedparser
    import lxml.html
    import readability
    import trafilatura
    from usp.tree import sitemap_tree_for_homepage

    result = {"feeds": {}}
    for path in feeds:
        if path.endswith(".json"):
            result["feeds"][path] = read_json_feed(fetch(base + path))
            continue
        # By address, as feed readers do: feedparser tells JSON Feed from XML by the content type.
        parsed = feedparser.parse(base + path)
        result["feeds"][path] = {
            "version": parsed.version,
            "bozo": int(parsed.bozo),
            "error": str(parsed.get("bozo_exception", "")),
            "title": parsed.feed.get("title"),
            "entries": [
                {
                    "title": entry.get("title"),
                    "link": entry.get("link"),
                    "author": entry.get("author"),
                    "published": list(entry.published_parsed[:6]) if entry.get("published_parsed") else None,
                }
                for entry in parsed.entries
            ],
        }

    html = fetch(base + article)
    data = extruct.extract(html, base_url=base + article, syntaxes=["json-ld", "opengraph"], uniform=True)
    graph = []
    for item in data["json-ld"]:
        graph.extend(item.get("@graph", [item]))
    result["jsonld"] = graph
    result["opengraph"] = data["opengraph"]

    extracted = json.loads(trafilatura.extract(html, output_format="json", with_metadata=True) or "{}")
    result["trafilatura"] = {key: extracted.get(key) for key in ("title", "author", "date", "text")}
    # Reader mode as browsers and read-later services do it (a port of arc90's Readability).
    summary = readability.Document(html).summary()
    result["readability"] = {"text": " ".join(lxml.html.fromstring(summary).text_content().split())}

    tree = sitemap_tree_for_homepage(base + "/", use_known_paths=False)
    pages = list(tree.all_pages())
    result["sitemaps"] = {
        "pages": sorted({page.url for page in pages}),
        "news": sorted({page.news_story.title for page in pages if page.news_story}),
        "sitemaps": sorted(sitemap.url for sitemap in tree.all_sitemaps()),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
