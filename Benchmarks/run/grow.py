"""Benchmarks/run/grow.py — grows an archive loaded by `masthead demo --generated S` to N generated stories
in about a minute, on SQLite or PostgreSQL, for Benchmarks/run.sh. (`masthead demo --generated 100000`
would take 25 minutes or more: it writes and indexes every story one at a time through the store.)

Story S+k is a copy of generated story ((S+k-1) mod S)+1 under the slug and number the demo would give
it (`generated-story-IDX`, "(IDX)" in the headline), published 15 minutes before story S+k-1 as
DemoEdition.generatedStories spaces them; with S a multiple of 5 each copy keeps the topic the demo would
give it. Each copy gets every row a story loaded by the demo has: articles; article_topics and bylines
(the link tables, with live / published_at copied as DiscoveryLinks keeps them); its first revision;
article_entities, statements and article_terms (discovery; the headline's number is one of its terms),
with term_stats counted again; the search index (SQLite: the FTS5 table, rebuilt oldest first, as the
demo writes it, since search ranks the newest rows; PostgreSQL: articles.search_document); and from
30,000 stories on, the demo's rare topic (Greenland) on every 30,000th. Like the demo past 1,000 stories,
copies get no stored Read next rail (such a story offers the latest stories). Columns are copied by
name, so columns added by later migrations come along unchanged. Secondary indexes are dropped for the
bulk insert and made again afterwards; PostgreSQL is ANALYZEd at the end.

Usage: python3 grow.py sqlite:PATH N          (Python's sqlite3 module)
       python3 grow.py postgres://URL N       (through psql; foreign-key triggers off for the load)
Prints one line: what it did and how long it took.
"""
import re
import sqlite3
import subprocess
import sys
import time
import uuid

location, target = sys.argv[1], int(sys.argv[2])
postgres = location.startswith(("postgres://", "postgresql://"))
started = time.monotonic()
FILLED = ["articles", "article_topics", "bylines", "revisions", "statements", "article_entities", "article_terms"]
RARE_EVERY, RARE_ID = 30_000, "6F1C2A4E-0B7D-4E55-9A8B-3C2D1E0F9A11"


def psql(sql, *options):
    done = subprocess.run(["psql", location, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", *options],
                          input=sql, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"grow: psql failed: {done.stderr.strip()}")
    return [line.split("|") for line in done.stdout.splitlines() if line]


if postgres:
    generated = psql("SELECT substring(slug FROM 'generated-story-([0-9]+)') FROM articles "
                     "WHERE slug ~ '^generated-story-[0-9]+$'")
    numbers = sorted(int(row[0]) for row in generated)
else:
    db = sqlite3.connect(location.removeprefix("sqlite:"), isolation_level=None)
    db.create_function("new_uuid", 0, lambda: str(uuid.uuid4()).upper())
    for pragma in ("synchronous = OFF", "cache_size = -1048576", "temp_store = MEMORY", "busy_timeout = 5000"):
        db.execute(f"PRAGMA {pragma}")
    sources = {}
    for article_id, slug in db.execute("SELECT id, slug FROM articles WHERE slug LIKE 'generated-story-%'"):
        match = re.fullmatch(r"generated-story-(\d+)", slug)
        if match:
            sources[int(match.group(1))] = article_id
    numbers = sorted(sources)
seed = len(numbers)
if seed == 0 or numbers != list(range(1, seed + 1)):
    sys.exit("grow: the database has no generated stories 1…n to copy (load it with masthead demo --generated)")
if target <= seed:
    print(f"{seed} generated stories already; nothing to add")
    sys.exit(0)

if postgres:
    def columns(table):
        return [row[0] for row in psql(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
            f"AND table_name = '{table}' ORDER BY ordinal_position")]
    new_uuid, ignore_prefix, ignore_suffix = "gen_random_uuid()", "", " ON CONFLICT DO NOTHING"
    shift = "make_interval(secs => (g - s.number) * 900)"
    indexes = psql(
        "SELECT quote_ident(indexname), indexdef FROM pg_indexes i WHERE schemaname = 'public' "
        f"AND tablename IN ({', '.join(repr(t) for t in FILLED)}) AND indexname NOT IN "
        "(SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))")
else:
    def columns(table):
        return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
    new_uuid, ignore_prefix, ignore_suffix = "new_uuid()", "OR IGNORE", ""
    indexes = db.execute(
        "SELECT '\"' || name || '\"', sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(FILLED))})", FILLED).fetchall()

statements = []


def copy(table, overrides, join_on, order="", ignore=False):
    """INSERT INTO table SELECT every column of its source rows `s`, with `overrides` (column -> SQL over
    `s` and the copies table `c`), for each copy `c` whose source row matches `join_on`."""
    names = columns(table)
    select = ", ".join(overrides.get(name, f's."{name}"') for name in names)
    quoted = ", ".join(f'"{name}"' for name in names)
    statements.append(
        f'INSERT {ignore_prefix if ignore else ""} INTO "{table}" ({quoted}) SELECT {select} '
        f'FROM copies c JOIN "{table}" s ON {join_on} {order}{ignore_suffix if ignore else ""}')


def shifted(column):
    return f's."{column}" - c.shift'


if postgres:
    statements += [
        "SET session_replication_role = replica",  # no foreign-key triggers for rows copied from valid ones
        f"CREATE TEMP TABLE copies AS SELECT g AS idx, gen_random_uuid() AS new_id, s.id AS src_id, "
        f"s.number AS src_idx, {shift} AS shift FROM generate_series({seed + 1}, {target}) g "
        f"JOIN (SELECT id, substring(slug FROM 'generated-story-([0-9]+)')::int AS number FROM articles "
        f"WHERE slug ~ '^generated-story-[0-9]+$') s ON s.number = (g - 1) % {seed} + 1",
        "CREATE INDEX ON copies (src_id)",
        "ANALYZE copies",
    ]
else:
    db.execute("BEGIN")
    db.execute("CREATE TEMP TABLE copies (idx INTEGER PRIMARY KEY, new_id TEXT, src_id TEXT, src_idx INTEGER, "
               "shift REAL)")
    db.executemany(
        "INSERT INTO copies VALUES (?, ?, ?, ?, ?)",
        ((idx, str(uuid.uuid4()).upper(), sources[(idx - 1) % seed + 1], (idx - 1) % seed + 1,
          (idx - ((idx - 1) % seed + 1)) * 15 * 60) for idx in range(seed + 1, target + 1)))
    db.execute("CREATE INDEX temp.copies_src ON copies (src_id)")

statements += [f"DROP INDEX {name}" for name, _ in indexes]
old_number, new_number = "'(' || c.src_idx || ')'", "'(' || c.idx || ')'"
headline = f"replace(s.headline, {old_number}, {new_number})"
article = {
    "id": "c.new_id",
    "slug": "'generated-story-' || c.idx",
    "headline": headline,
    "published_at": shifted("published_at"),
    "updated_at": shifted("updated_at"),
    "embargo_until": shifted("embargo_until"),
    "comment_count": "0",
}
if postgres:  # SearchIndex.postgresDocument, over the copy's own headline
    article["search_document"] = (
        f"setweight(to_tsvector('simple', coalesce({headline}, '')), 'A') || "
        "setweight(to_tsvector('simple', coalesce(s.lede, '')), 'B') || "
        "setweight(to_tsvector('simple', coalesce(s.body_markdown, '')), 'C')")
copy("articles", article, "s.id = c.src_id", "ORDER BY c.idx")
link = {"article_id": "c.new_id", "published_at": shifted("published_at")}
copy("article_topics", {"id": new_uuid, **link}, "s.article_id = c.src_id")
copy("bylines", {"id": new_uuid, "article_id": "c.new_id"}, "s.article_id = c.src_id")
copy("revisions", {
    "id": new_uuid, "article_id": "c.new_id", "saved_at": shifted("saved_at"),
    "content": "replace(replace(s.content, '\"generated-story-' || c.src_idx || '\"', "
               f"'\"generated-story-' || c.idx || '\"'), {old_number}, {new_number})",
}, "s.article_id = c.src_id")
copy("statements", {"id": new_uuid, **link}, "s.article_id = c.src_id")
copy("article_entities", link, "s.article_id = c.src_id")
copy("article_terms", {
    "article_id": "c.new_id",
    "term": "CASE WHEN s.term = CAST(c.src_idx AS TEXT) THEN CAST(c.idx AS TEXT) ELSE s.term END",
}, "s.article_id = c.src_id", ignore=True)

if target >= RARE_EVERY:
    rare = f"'{RARE_ID.lower() if postgres else RARE_ID}'"
    statements.append(
        f"INSERT {ignore_prefix} INTO topics (id, name, slug) VALUES ({rare}, 'Greenland', 'greenland'){ignore_suffix}")
    statements.append(
        f"INSERT {ignore_prefix} INTO article_topics (id, article_id, topic_id, live, published_at) "
        f"SELECT {new_uuid}, c.new_id, {rare}, a.live, a.published_at FROM copies c "
        f"JOIN articles a ON a.id = c.new_id WHERE c.idx % {RARE_EVERY} = 0{ignore_suffix}")

statements += [
    "DELETE FROM term_stats",
    "INSERT INTO term_stats (term, documents) SELECT term, COUNT(*) FROM article_terms GROUP BY term",
]
if not postgres:
    statements += [
        "DELETE FROM article_search",
        "INSERT INTO article_search (article_id, headline, lede, body) "
        "SELECT id, headline, lede, body_markdown FROM articles ORDER BY published_at, id",
    ]
statements += [sql for _, sql in indexes]

if postgres:
    psql(";\n".join(statements) + ";\n", "-1")
    psql("VACUUM ANALYZE;\n")
else:
    for sql in statements:
        db.execute(sql)
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
print(f"copied {target - seed} stories from the first {seed} in {time.monotonic() - started:.0f} s")
