#!/usr/bin/env python3
"""Writes ghost-4.json, ghost-5.json and ghost-6.json: one small Ghost site as Ghost's exporter
(Settings → Labs/Advanced → Export content) writes it in each major version.

Ghost cannot be installed here, so the structure is copied from Ghost's own repository (see
PROVENANCE.md for the paths and commits): the exporter writes {"db": [{"meta": {exported_on,
version}, "data": {TABLE: [ROW, ...]}}]}, one array per table, every column of every row, keys in
the table's column order. The columns of each table below are those of the version named in its
file; the content (posts, tags, users) is ours and the same in the three files, so one set of
expectations fits all three. Run it again after changing it: the output is deterministic.
"""
import json
import os
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))

# Columns per table and version. Version 4: the keys of the rows of Ghost's own
# ghost/core/test/utils/fixtures/export/v4_export.json (a real 4.1.0 export). Versions 5 and 6:
# ghost/core/core/server/data/schema/schema.js at a 5.111.0 commit and at a 6.x commit.
POSTS = {
    4: ["id", "uuid", "title", "slug", "mobiledoc", "html", "comment_id", "plaintext", "feature_image",
        "featured", "type", "status", "locale", "visibility", "email_recipient_filter", "author_id",
        "created_at", "updated_at", "published_at", "custom_excerpt", "codeinjection_head",
        "codeinjection_foot", "custom_template", "canonical_url"],
    5: ["id", "uuid", "title", "slug", "mobiledoc", "lexical", "html", "comment_id", "plaintext",
        "feature_image", "featured", "type", "status", "locale", "visibility", "email_recipient_filter",
        "created_at", "created_by", "updated_at", "updated_by", "published_at", "published_by",
        "custom_excerpt", "codeinjection_head", "codeinjection_foot", "custom_template", "canonical_url",
        "newsletter_id", "show_title_and_feature_image"],
    6: ["id", "uuid", "title", "slug", "mobiledoc", "lexical", "html", "comment_id", "plaintext",
        "feature_image", "featured", "type", "status", "locale", "visibility", "email_recipient_filter",
        "created_at", "updated_at", "published_at", "published_by", "custom_excerpt",
        "codeinjection_head", "codeinjection_foot", "custom_template", "canonical_url", "newsletter_id",
        "show_title_and_feature_image"],
}
POSTS_META = {
    4: ["id", "post_id", "og_image", "og_title", "og_description", "twitter_image", "twitter_title",
        "twitter_description", "meta_title", "meta_description", "email_subject"],
    5: ["id", "post_id", "og_image", "og_title", "og_description", "twitter_image", "twitter_title",
        "twitter_description", "meta_title", "meta_description", "email_subject", "frontmatter",
        "feature_image_alt", "feature_image_caption", "email_only"],
}
POSTS_META[6] = POSTS_META[5]
TAGS = {
    4: ["id", "name", "slug", "description", "feature_image", "parent_id", "visibility", "og_image",
        "og_title", "og_description", "twitter_image", "twitter_title", "twitter_description",
        "meta_title", "meta_description", "codeinjection_head", "codeinjection_foot", "canonical_url",
        "accent_color", "created_at", "updated_at"],
}
TAGS[5] = TAGS[4][:-2] + ["created_at", "created_by", "updated_at", "updated_by"]
TAGS[6] = TAGS[4]
USERS = {
    4: ["id", "name", "slug", "password", "email", "profile_image", "cover_image", "bio", "website",
        "location", "facebook", "twitter", "accessibility", "status", "locale", "visibility",
        "meta_title", "meta_description", "tour", "last_seen", "created_at", "updated_at"],
}
_NOTIFY = ["comment_notifications", "free_member_signup_notification",
           "paid_subscription_started_notification", "paid_subscription_canceled_notification",
           "mention_notifications", "recommendation_notifications", "milestone_notifications",
           "donation_notifications"]
USERS[5] = USERS[4][:-2] + _NOTIFY + ["created_at", "created_by", "updated_at", "updated_by"]
USERS[6] = (USERS[4][:12] + ["threads", "bluesky", "mastodon", "tiktok", "youtube", "instagram", "linkedin"]
            + USERS[4][12:-2] + _NOTIFY + ["created_at", "updated_at"])
ROLES = {4: ["id", "name", "description", "created_at", "updated_at"]}
ROLES[5] = ["id", "name", "description", "created_at", "created_by", "updated_at", "updated_by"]
ROLES[6] = ROLES[4]
VERSION = {4: "4.1.0", 5: "5.111.0", 6: "6.0.0"}
EXPORTED_ON = {4: 1733652000000, 5: 1748779200000, 6: 1762000000000}
URL = "__GHOST_URL__"  # Ghost writes its own address as this placeholder (relative URL transform)


def oid(version, n):
    """A 24-hex ObjectId as Ghost makes them: 4 bytes of time, then a counter."""
    return "%08x%016x" % (0x605AC141 + version * 0x1000000, n)


def ts(s):
    return s + ".000Z" if s else None


# --- content, the same in every version ---------------------------------------------------------
OWNER, ZOE, LUKASZ, JOSE = "owner", "zoe", "lukasz", "jose"
STAFF = [
    # key, name, slug, email, role, bio
    (OWNER, "Harbour Gazette Desk", "desk", "desk@news.example.org", "Owner", None),
    (ZOE, "Zoë Brontë", "zoe", "zoe@news.example.org", "Author", "Harbour & weather."),
    (LUKASZ, "Łukasz Żółć", "lukasz", "lukasz@news.example.org", "Editor", None),
    (JOSE, "José Saramago", "jose", "jose@news.example.org", "Contributor", None),
]
TAG_LIST = [
    # key, name, slug, visibility, description
    ("harbour", "Harbour", "harbour", "public", "The quay, the ferry & the boats"),
    ("arts", "Arts & Culture", "arts-culture", "public", None),
    ("cafe", "Café society", "cafe-society", "public", None),
    ("newsletter", "#newsletter", "hash-newsletter", "internal", None),
    ("imported", "#wp-import", "hash-wp-import", "internal", None),
]

IMAGE = URL + "/content/images/2024/04/harbour-at-dawn.jpg"
EMBED_HTML = ('<iframe width="200" height="113" src="https://www.youtube.com/embed/aqz-KE-bpKQ?feature=oembed" '
              'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; '
              'picture-in-picture" allowfullscreen title="The quay from above"></iframe>')
SCRIPT = "<script>document.write('<img src=\"https://tracker.example.net/pixel.gif\">');</script>\n<div class=\"storm-widget\">Wind now: 12 kn</div>"
RICH_HTML = (
    "<p>The harbour reopened on Thursday morning after three days in which no boat left the quay.</p>"
    "<h2 id=\"what-happened\">What happened</h2>"
    "<ul><li>Winds reached 120 km/h on Monday night.</li><li>Two pontoons broke loose &amp; drifted into the channel.</li></ul>"
    "<blockquote>We were lucky. Nobody was on the water when it hit.</blockquote>"
    "<figure class=\"kg-card kg-image-card kg-card-hascaption\"><img src=\"" + IMAGE + "\" class=\"kg-image\" "
    "alt=\"Fishing boats moored at the quay at dawn\" loading=\"lazy\" width=\"640\" height=\"427\">"
    "<figcaption><span style=\"white-space: pre-wrap;\">Boats back at the quay. Photo: Zoë Brontë</span></figcaption></figure>"
    "<figure class=\"kg-card kg-embed-card\">" + EMBED_HTML + "</figure>"
    "<!--kg-card-begin: html-->" + SCRIPT + "<!--kg-card-end: html-->"
)
RICH_TEXT = ("The harbour reopened on Thursday morning after three days in which no boat left the quay.\n\n\n"
             "What happened\n\n * Winds reached 120 km/h on Monday night.\n * Two pontoons broke loose & drifted "
             "into the channel.\n\nWe were lucky. Nobody was on the water when it hit.\n\nBoats back at the quay. "
             "Photo: Zoë Brontë\n\nWind now: 12 kn")


def text(t, fmt=0):
    return {"detail": 0, "format": fmt, "mode": "normal", "style": "", "text": t, "type": "extended-text", "version": 1}


def block(kind, children, **extra):
    node = {"children": children, "direction": "ltr", "format": "", "indent": 0, "type": kind, "version": 1}
    node.update(extra)
    return node


def lexical(nodes):
    return json.dumps({"root": block("root", nodes)}, ensure_ascii=False, separators=(",", ":"))


def lexical_paragraphs(paragraphs):
    return lexical([block("paragraph", [text(p)]) for p in paragraphs])


RICH_LEXICAL = lexical([
    block("paragraph", [text("The harbour reopened on Thursday morning after three days in which no boat left the quay.")]),
    block("extended-heading", [text("What happened")], tag="h2"),
    block("list", [block("listitem", [text("Winds reached 120 km/h on Monday night.")], value=1),
                   block("listitem", [text("Two pontoons broke loose & drifted into the channel.")], value=2)],
          listType="bullet", start=1, tag="ul"),
    block("extended-quote", [text("We were lucky. Nobody was on the water when it hit.")]),
    {"type": "image", "version": 1, "src": IMAGE, "width": 640, "height": 427, "title": "",
     "alt": "Fishing boats moored at the quay at dawn",
     "caption": "<span style=\"white-space: pre-wrap;\">Boats back at the quay. Photo: Zoë Brontë</span>",
     "cardWidth": "regular", "href": ""},
    {"type": "embed", "version": 1, "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "embedType": "video",
     "html": EMBED_HTML, "metadata": {"title": "The quay from above", "provider_name": "YouTube"}, "caption": ""},
    {"type": "html", "version": 1, "html": SCRIPT},
])


def mobiledoc(paragraphs, cards=(), card_sections=(), extra_sections=()):
    sections = [[1, "p", [[0, [], 0, p]]] for p in paragraphs] + list(extra_sections)
    sections += [[10, i] for i in card_sections]
    return json.dumps({"version": "0.3.1", "atoms": [], "cards": list(cards), "markups": [], "sections": sections,
                       "ghostVersion": "4.0"}, ensure_ascii=False, separators=(",", ":"))


RICH_MOBILEDOC = mobiledoc(
    ["The harbour reopened on Thursday morning after three days in which no boat left the quay."],
    cards=[["image", {"src": IMAGE, "width": 640, "height": 427, "alt": "Fishing boats moored at the quay at dawn",
                      "caption": "Boats back at the quay. Photo: Zoë Brontë"}],
           ["embed", {"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "html": EMBED_HTML, "type": "video"}],
           ["html", {"html": SCRIPT}]],
    extra_sections=[[1, "h2", [[0, [], 0, "What happened"]]],
                    [3, "ul", [[[0, [], 0, "Winds reached 120 km/h on Monday night."]],
                               [[0, [], 0, "Two pontoons broke loose & drifted into the channel."]]]],
                    [1, "blockquote", [[0, [], 0, "We were lucky. Nobody was on the water when it hit."]]]],
    card_sections=[0, 1, 2],
)


def simple(paragraphs):
    html = "".join("<p>" + p.replace("&", "&amp;") + "</p>" for p in paragraphs)
    return {"html": html, "plaintext": "\n\n".join(paragraphs), "lexical": lexical_paragraphs(paragraphs),
            "mobiledoc": mobiledoc(paragraphs)}


# key, title, slug, type, status, visibility, featured, feature_image, authors, tags, excerpt,
# created, published, body, versions, editor ("lexical" or "mobiledoc" in 5 and 6; 4 is all mobiledoc)
POST_LIST = [
    dict(key="harbour", title="Harbour reopens after three-day storm", slug="harbour-reopens-after-storm",
         status="published", visibility="public", featured=1, feature_image=IMAGE, authors=[ZOE, JOSE],
         tags=["harbour", "newsletter", "arts"], excerpt="Boats left the quay for the first time since Monday night.",
         created="2024-04-11T07:00:00", published="2024-04-11T07:30:00",
         body={"html": RICH_HTML, "plaintext": RICH_TEXT, "lexical": RICH_LEXICAL, "mobiledoc": RICH_MOBILEDOC},
         meta=dict(meta_title="Harbour reopens | Harbour Gazette", og_title="The harbour is open again",
                   feature_image_alt="Fishing boats moored at the quay at dawn",
                   feature_image_caption="Boats back at the quay. Photo: Zoë Brontë")),
    dict(key="members", title="Members' briefing: the ferry contract", slug="members-briefing-ferry-contract",
         status="published", visibility="members", authors=[LUKASZ], tags=["harbour"],
         created="2024-05-02T09:00:00", published="2024-05-02T10:00:00",
         body=simple(["MEMBERS-ONLY-TEXT: the contract runs to 2034.", "Signed-in readers only."])),
    dict(key="paid", title="Subscribers' long read: a year on the water", slug="long-read-year-on-the-water",
         status="published", visibility="paid", authors=[ZOE], tags=["harbour", "imported"],
         created="2024-06-01T08:00:00", published="2024-06-01T09:00:00",
         body=simple(["PAID-ONLY-TEXT: twelve months with the harbour pilots."])),
    dict(key="cafe", title="Café society returns to the old town", slug="cafe-society-returns",
         status="published", visibility="public", authors=[JOSE], tags=["cafe", "arts"],
         excerpt="The terrace is open again, piano and all.", editor="mobiledoc",
         created="2024-07-14T17:00:00", published="2024-07-14T18:00:00",
         body=simple(["The Café Zentral reopens its terrace this week.", "Owners Ana & Pedro Ruiz took over in 2023."])),
    dict(key="draft", title="Ferry timetable changes", slug="ferry-timetable-changes", status="draft",
         visibility="public", authors=[LUKASZ], tags=[], created="2024-11-05T09:00:00", published=None,
         body=simple(["Notes so far: winter timetable from November."])),
    dict(key="empty", title="(Untitled)", slug="untitled", status="draft", visibility="public", authors=[ZOE],
         tags=[], created="2024-11-07T09:00:00", published=None,
         body={"html": None, "plaintext": None, "lexical": lexical([block("paragraph", [])]),
               "mobiledoc": mobiledoc([])}),
    dict(key="scheduled", title="The regatta returns", slug="the-regatta-returns", status="scheduled",
         visibility="public", authors=[ZOE], tags=["arts"], created="2024-11-01T09:00:00",
         published="2031-06-01T06:00:00", body=simple(["Forty boats are entered for the first regatta since 2019."])),
    dict(key="sent", title="Newsletter: storm special", slug="newsletter-storm-special", status="sent",
         visibility="members", authors=[OWNER], tags=["newsletter"], created="2024-04-12T06:00:00",
         published="2024-04-12T06:30:00", body=simple(["Sent by email only."]), versions=(5, 6),
         meta=dict(email_subject="Storm special", email_only=1)),
    dict(key="tiers", title="Gold tier: the harbour master's diary", slug="harbour-master-diary", status="published",
         visibility="tiers", authors=[LUKASZ], tags=["harbour"], created="2024-09-01T08:00:00",
         published="2024-09-01T08:30:00", body=simple(["TIERS-ONLY-TEXT: Monday, calm seas."]), versions=(6,)),
    dict(key="about", title="About", slug="about", type="page", status="published", visibility="public",
         authors=[OWNER], tags=[], created="2023-01-01T11:00:00", published="2023-01-01T11:00:00",
         body=simple(["The Harbour Gazette has covered the town since 1998."])),
    dict(key="ethics", title="Ethics policy", slug="ethics-policy", type="page", status="published",
         visibility="public", authors=[OWNER], tags=[], created="2023-01-02T11:00:00",
         published="2023-01-02T11:00:00",
         body=simple(["We correct mistakes openly & say so at the top of the story."])),
]


def row(columns, values):
    missing = [k for k in values if k not in columns]
    assert not missing, missing
    return {c: values.get(c) for c in columns}


def build(v):
    ids = {}
    counter = iter(range(1, 10_000))

    def ident(kind, key):
        if (kind, key) not in ids:
            ids[(kind, key)] = "1" if (kind, key) == ("user", OWNER) else oid(v, next(counter))
        return ids[(kind, key)]

    created = "2023-01-01T10:00:00"
    role_names = ["Administrator", "Editor", "Author", "Contributor", "Owner"]
    roles = []
    for r in role_names:
        values = dict(id=ident("role", r), name=r, description=r + "s" if r != "Owner" else "Blog Owner",
                      created_at=ts(created), updated_at=ts(created))
        if v == 5:
            values.update(created_by="1", updated_by="1")
        roles.append(row(ROLES[v], values))
    users, roles_users = [], []
    for key, name, slug, email, role, bio in STAFF:
        values = dict(id=ident("user", key), name=name, slug=slug,
                      # Ghost exports staff password hashes; this one is not a real hash.
                      password="$2a$10$FIXTUREFIXTUREFIXTUREu" + slug.ljust(31, "x")[:31],
                      email=email, profile_image=None, cover_image=None, bio=bio, website=None, location=None,
                      facebook=None, twitter=None, accessibility=None, status="active", locale=None,
                      visibility="public", meta_title=None, meta_description=None, tour=None,
                      last_seen=ts("2024-11-07T09:00:00"), created_at=ts(created), updated_at=ts(created))
        if v >= 5:
            values.update({k: (0 if k == "paid_subscription_canceled_notification" else 1) for k in _NOTIFY})
        if v == 5:
            values.update(created_by="1", updated_by="1")
        if v == 6:
            values.update(threads=None, bluesky=None, mastodon=None, tiktok=None, youtube=None, instagram=None,
                          linkedin=None)
        users.append(row(USERS[v], values))
        roles_users.append({"id": ident("roles_users", key), "role_id": ident("role", role), "user_id": ident("user", key)})
    tags = []
    for key, name, slug, visibility, description in TAG_LIST:
        values = dict(id=ident("tag", key), name=name, slug=slug, description=description, visibility=visibility,
                      created_at=ts(created), updated_at=ts(created))
        if v == 5:
            values.update(created_by="1", updated_by="1")
        tags.append(row(TAGS[v], values))

    posts, posts_meta, posts_tags, posts_authors = [], [], [], []
    for p in POST_LIST:
        if v not in p.get("versions", (4, 5, 6)):
            continue
        pid = ident("post", p["key"])
        editor = "mobiledoc" if v == 4 else p.get("editor", "lexical")
        body = p["body"]
        values = dict(
            id=pid, uuid=str(uuid.uuid5(uuid.NAMESPACE_URL, "ghost-%d-%s" % (v, p["key"]))), title=p["title"],
            slug=p["slug"], mobiledoc=body["mobiledoc"] if editor == "mobiledoc" else None,
            html=body["html"], comment_id=pid, plaintext=body["plaintext"],
            feature_image=p.get("feature_image"), featured=p.get("featured", 0), type=p.get("type", "post"),
            status=p["status"], locale=None, visibility=p["visibility"],
            email_recipient_filter="status:-free" if p["visibility"] == "paid" else
            ("all" if p["status"] == "sent" else "none"),
            created_at=ts(p["created"]), updated_at=ts(p["published"] or p["created"]),
            published_at=ts(p["published"]), custom_excerpt=p.get("excerpt"), codeinjection_head=None,
            codeinjection_foot=None, custom_template=None, canonical_url=None)
        if v == 4:
            values["author_id"] = ident("user", p["authors"][0])
        else:
            values.update(lexical=body["lexical"] if editor == "lexical" else None, newsletter_id=None,
                          show_title_and_feature_image=1,
                          published_by=ident("user", p["authors"][0]) if p["published"] else None)
        if v == 5:
            values.update(created_by=ident("user", p["authors"][0]), updated_by=ident("user", p["authors"][0]))
        posts.append(row(POSTS[v], values))
        meta = dict(p.get("meta", {}))
        if v == 4:
            meta = {k: val for k, val in meta.items() if k in POSTS_META[4]}
        if meta:
            if v >= 5:
                meta.setdefault("email_only", 0)
            posts_meta.append(row(POSTS_META[v], dict(meta, id=ident("posts_meta", p["key"]), post_id=pid)))
        for order, tag in enumerate(p["tags"]):
            posts_tags.append({"id": ident("posts_tags", p["key"] + tag), "post_id": pid,
                               "tag_id": ident("tag", tag), "sort_order": order})
        for order, author in enumerate(p["authors"]):
            posts_authors.append({"id": ident("posts_authors", p["key"] + author), "post_id": pid,
                                  "author_id": ident("user", author), "sort_order": order})

    data = {"posts": posts, "posts_authors": posts_authors, "posts_meta": posts_meta, "posts_tags": posts_tags,
            "roles": roles, "roles_users": roles_users,
            "settings": [
                {"id": oid(v, 9001), "group": "site", "key": "title", "value": "Harbour Gazette", "type": "string",
                 "flags": "PUBLIC", "created_at": ts(created), "updated_at": ts(created)},
                {"id": oid(v, 9002), "group": "site", "key": "timezone", "value": "Europe/Berlin",
                 "type": "string", "flags": None, "created_at": ts(created), "updated_at": ts(created)}],
            "tags": tags, "users": users}
    if v == 6:
        tier = oid(v, 9100)
        data["products"] = [{"id": tier, "name": "Gold", "slug": "gold", "active": 1, "welcome_page_url": None,
                             "visibility": "public", "trial_days": 0, "description": None, "type": "paid",
                             "currency": "eur", "monthly_price": 500, "yearly_price": 5000,
                             "created_at": ts(created), "updated_at": ts(created), "monthly_price_id": None,
                             "yearly_price_id": None}]
        data["posts_products"] = [{"id": oid(v, 9101), "post_id": ident("post", "tiers"), "product_id": tier,
                                   "sort_order": 0}]
    data = dict(sorted(data.items()))
    return {"db": [{"meta": {"exported_on": EXPORTED_ON[v], "version": VERSION[v]}, "data": data}]}


for version in (4, 5, 6):
    with open(os.path.join(HERE, "ghost-%d.json" % version), "w", encoding="utf-8") as out:
        json.dump(build(version), out, ensure_ascii=False, indent=2)
        out.write("\n")
