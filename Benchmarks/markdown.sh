#!/usr/bin/env bash
# markdown.sh - how fast is MastheadMarkdown, against cmark-gfm and Ink? Two parts, both by default:
#
# pathological: does it stay linear on the pathological inputs? For each generator in
#   Tests/MastheadMarkdownTests/Fixtures/pathological-generators.json it renders a small and a ten-times-
#   larger input (N = 10 000 and 100 000 repetitions; 100 and 316 where the input grows with N squared)
#   through our renderer and through cmark-gfm, and prints the time of each and the large/small ratio.
#   Linear code shows a ratio near 10; quadratic code shows about 100.
#
# article: what does an ordinary article cost? It generates a ~5,000-word article (fixed seed) with every
#   construct an article can hold - headings (ATX and setext), emphasis, links inline and by reference,
#   images, nested lists, task lists, block quotes, fenced and indented code, tables, footnotes,
#   strikethrough, autolinks (<...>, bare www./https:// and e-mail) and raw HTML blocks - and renders it
#   through our renderer (ArticleBody's extensions; also with the sanitizer, as ArticleBody.html does),
#   through cmark-gfm's C library in-process (the same extensions, timed in Python without its start-up)
#   and through Ink 0.6 (what Masthead used before), all in this run, and prints the median and fastest
#   milliseconds per article and the ratios ours/cmark-gfm and ours/Ink (medians).
#   Ink treats any `<` it does not recognise as the start of raw HTML that runs to the end of the document,
#   so on the full article it stops parsing at the first <https://...> autolink and just copies the rest:
#   its timing there would be meaningless. The comparison with Ink therefore uses a second, "Ink-safe"
#   article, the same text with <...> autolinks written bare (GFM still links them); ours and cmark-gfm
#   are timed on both. Ink is also known to hang on inline raw HTML after text (`x <p`) and on CRLF code
#   fences: the article has neither (raw HTML only opens blocks, lines end in LF), and each Ink run is
#   under a watchdog (timeout) anyway. Ink has no footnotes or setext headings; it leaves them as text.
#
# Usage:  bash Benchmarks/markdown.sh [--article | --pathological] [NAME-SUBSTRING]   (REPETITIONS=31)
# Needs:  swift, python3, and cmark-gfm's Python binding (bash /work/shared/tools/install-validators.sh puts
#         it in /opt/newsval/venv); without it only our timings are printed. The article part also
#         needs SwiftPM to reach JohnSundell/Ink 0.6.0 (it builds without it, minus the Ink column).
# Builds release copies of the renderer in scratch packages under $TMPDIR, so it never touches the
# main .build. Timings are wall-clock on a shared two-core machine: compare ratios from one run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${TMPDIR:-/tmp}/masthead-markdown-bench"
ORACLE_DIR="${ORACLE_DIR:-/work/shared/tools}"
PYTHON="${PYTHON:-/opt/newsval/venv/bin/python}"
[ -x "$PYTHON" ] || PYTHON=python3
REPETITIONS="${REPETITIONS:-31}"
PARTS="pathological article"
case "${1:-}" in
--article) PARTS=article; shift ;;
--pathological) PARTS=pathological; shift ;;
esac
ONLY="${1:-}"

# The body stays at column 0 so that its quoted here-documents can close on a bare EOF.
pathological() {

mkdir -p "$WORK/Sources/md-bench"
ln -sfn "$ROOT/Sources/MastheadMarkdown" "$WORK/Sources/MastheadMarkdown"
cat > "$WORK/Package.swift" <<'EOF'
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "MarkdownBench",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "MastheadMarkdown"),
        .executableTarget(name: "md-bench", dependencies: ["MastheadMarkdown"]),
    ]
)
EOF
cat > "$WORK/Sources/md-bench/main.swift" <<'EOF'
import MastheadMarkdown

// Reads a document on stdin and prints the seconds that rendering it took (reading excluded).
var bytes: [UInt8] = []
while let line = readLine(strippingNewline: false) { bytes += line.utf8 }
let source = String(decoding: bytes, as: UTF8.self)
let options: MarkdownOptions = CommandLine.arguments.contains("--gfm") ? .gfm : .commonMark
let clock = ContinuousClock()
var length = 0
let elapsed = clock.measure { length = Markdown.html(source, options: options).utf8.count }
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(seconds, length)
EOF
echo "building the renderer (release) in $WORK ..." >&2
nice -n 10 swift build -c release --package-path "$WORK" --product md-bench >&2
BIN="$WORK/.build/release/md-bench"

"$PYTHON" - "$ROOT/Tests/MastheadMarkdownTests/Fixtures/pathological-generators.json" "$BIN" "$ORACLE_DIR" "$ONLY" <<'EOF'
import importlib, itertools, json, subprocess, sys, time

spec_path, binary, oracle_dir, only = sys.argv[1:5]
spec = json.load(open(spec_path))
exec(spec['hash_collisions_source'])
sys.path.insert(0, oracle_dir)
try:
    oracle = importlib.import_module('cmark-oracle')
    oracle.render('warm up')
except (ImportError, SystemExit):
    oracle = None
    print('(cmark-gfm not available: printing our timings only)')

QUADRATIC = {'deeply nested lists', 'backticks'}

def ours(text, gfm):
    args = [binary] + (['--gfm'] if gfm else [])
    out = subprocess.run(args, input=text.encode('utf-8'), capture_output=True, check=True, timeout=600)
    return float(out.stdout.split()[0])

def theirs(text, extensions):
    start = time.perf_counter()
    oracle.render(text, extensions=extensions)
    return time.perf_counter() - start

print('%-48s %10s %10s %9s %9s %7s %9s %9s %7s' % (
    'case', 'bytes', 'bytes', 'ours', 'ours', 'ratio', 'cmark', 'cmark', 'ratio'))
for case in spec['cases']:
    if case['N'] == 0 or only not in case['name']:
        continue
    sizes = (100, 316) if case['name'] in QUADRATIC else (10000, 100000)
    extensions = case['origin'].get('upstream_extensions') or []
    inputs = [eval(case['generator_python'], {'hash_collisions': hash_collisions, 'N': n}) for n in sizes]
    times = [ours(text, bool(extensions)) for text in inputs]
    row = '%-48s %10d %10d %8.4fs %8.4fs %7.1f' % (
        case['name'][:48], len(inputs[0]), len(inputs[1]), times[0], times[1], times[1] / max(times[0], 1e-6))
    if oracle:
        reference = [theirs(text, extensions) for text in inputs]
        row += ' %8.4fs %8.4fs %7.1f' % (reference[0], reference[1], reference[1] / max(reference[0], 1e-6))
    print(row, flush=True)
EOF
}

article() {
ARTICLE_WORK="$WORK-article"
mkdir -p "$ARTICLE_WORK/Sources/article-bench"
ln -sfn "$ROOT/Sources/MastheadMarkdown" "$ARTICLE_WORK/Sources/MastheadMarkdown"
ln -sfn "$ROOT/Sources/MastheadCore" "$ARTICLE_WORK/Sources/MastheadCore"
cat > "$ARTICLE_WORK/Package.swift" <<'EOF'
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ArticleBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(url: "https://github.com/JohnSundell/Ink.git", exact: "0.6.0")],
    targets: [
        .target(name: "MastheadMarkdown"),
        .target(name: "MastheadCore", dependencies: ["MastheadMarkdown"]),
        .executableTarget(
            name: "article-bench",
            dependencies: ["MastheadMarkdown", "MastheadCore", .product(name: "Ink", package: "Ink")]),
    ]
)
EOF
cat > "$ARTICLE_WORK/Sources/article-bench/main.swift" <<'EOF'
import Ink
import MastheadCore
import MastheadMarkdown

// article-bench ENGINE REPETITIONS [--print] < article.md: renders the article REPETITIONS times after
// three warm-up renders and prints the median and fastest milliseconds per render and the output's size
// (with --print, the HTML first). ENGINE is ours (the renderer with ArticleBody's extensions), article
// (renderer then sanitizer, which is what ArticleBody.html costs) or ink (Ink 0.6's MarkdownParser).
var bytes: [UInt8] = []
while let line = readLine(strippingNewline: false) { bytes += line.utf8 }
let source = String(decoding: bytes, as: UTF8.self)
let engine = CommandLine.arguments[1]
let repetitions = max(1, Int(CommandLine.arguments[2]) ?? 31)

let render: (String) -> String
switch engine {
case "ours": render = { Markdown.html($0, options: ArticleBody.options) }
case "article": render = { ArticleBody.html(fromMarkdown: $0) }
case "ink":
    let parser = MarkdownParser()
    render = { parser.html(from: $0) }
default: fatalError("unknown engine \(engine)")
}

let clock = ContinuousClock()
var length = 0
for _ in 0..<3 { length = render(source).utf8.count }
var samples: [Double] = []
for _ in 0..<repetitions {
    let elapsed = clock.measure { length = render(source).utf8.count }
    samples.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
}
samples.sort()
if CommandLine.arguments.contains("--print") { print(render(source)) }
print(samples[samples.count / 2], samples[0], length)
EOF
echo "building the article benchmark (release, with Ink 0.6.0) in $ARTICLE_WORK ..." >&2
nice -n 10 swift build -c release --package-path "$ARTICLE_WORK" --product article-bench >&2
ARTICLE_BIN="$ARTICLE_WORK/.build/release/article-bench"

cat > "$ARTICLE_WORK/make-article.py" <<'EOF'
import random, sys

# A deterministic ~5,000-word article using every construct an article can hold.
rng = random.Random(2026)
WORDS = ('the council said budget housing river transit school report minister vote election market '
         'energy harbour season survey court ruling data city region plan week official public record '
         'climate water policy growth hospital board agency contract figure decision inquiry local').split()

def words(n):
    return ' '.join(rng.choice(WORDS) for _ in range(n))

def inline_sentence(i):
    w = words(rng.randint(8, 14))
    kind = i % 12
    bits = w.split(' ')
    k = rng.randint(1, len(bits) - 2)
    head, tail = ' '.join(bits[:k]), ' '.join(bits[k:])
    if kind == 0: mid = '*%s*' % words(2)
    elif kind == 1: mid = '**%s**' % words(2)
    elif kind == 2: mid = '***%s** %s*' % (words(1), words(1))
    elif kind == 3: mid = '`%s()`' % rng.choice(WORDS)
    elif kind == 4: mid = '[%s](https://example.com/%s "%s")' % (words(2), rng.choice(WORDS), words(2))
    elif kind == 5: mid = '[%s][ref%d]' % (words(2), i % 5)
    elif kind == 6: mid = '~~%s~~' % words(2)
    elif kind == 7: mid = 'https://www.example.org/%s/%d' % (rng.choice(WORDS), i)
    elif kind == 8: mid = '<https://example.net/%s>' % rng.choice(WORDS)
    elif kind == 9: mid = 'desk@example.com'
    elif kind == 10: mid = '%s[^n%d]' % (rng.choice(WORDS), i)
    else: mid = '_%s_ &amp; &copy; 5&nbsp;km' % words(2)
    return '%s %s %s.' % (head.capitalize(), mid, tail)

def paragraph(start):
    return ' '.join(inline_sentence(start + j) for j in range(rng.randint(4, 6)))

blocks = []
footnotes = []
def block(kind, n):
    if kind == 0:
        return '\n'.join('- %s %s' % (words(6), '*%s*' % words(1)) for _ in range(4)) + \
            '\n  - %s\n  - %s\n    1. %s' % (words(5), words(5), words(5))
    if kind == 1:
        return '\n'.join('%d. %s [%s](/s/%d)' % (k + 1, words(7), words(1), k) for k in range(4))
    if kind == 2:
        return '> %s\n> %s\n>\n> - %s\n> - %s\n>\n> -- %s' % (paragraph(n), words(10), words(4), words(4), words(2))
    if kind == 3:
        return '```swift\nlet %s = [%s]\nfor x in items where x > 2 {\n    print("%s", x)\n}\n```' % (
            rng.choice(WORDS), ', '.join(str(rng.randint(1, 99)) for _ in range(6)), words(3))
    if kind == 4:
        rows = ['| Region | Votes | Share | Change |', '|:-------|------:|:-----:|-------:|']
        for k in range(6):
            rows.append('| %s | %d | %d%% | ~~%d~~ **%+d** |' % (words(1), rng.randint(100, 9999), rng.randint(1, 60),
                                                               rng.randint(1, 9), rng.randint(-9, 9)))
        return '\n'.join(rows)
    if kind == 5:
        return '![%s](/images/%s-%d.jpg "%s")\n\n<figure class="chart">\n<img src="/charts/%d.png" alt="%s">\n' \
               '<figcaption>%s</figcaption>\n</figure>' % (words(3), rng.choice(WORDS), n, words(2), n, words(3), words(6))
    if kind == 6:
        return '- [x] %s\n- [ ] %s\n- [ ] %s' % (words(5), words(5), words(5))
    if kind == 7:
        return '    indented %s\n    code %s' % (words(4), words(4))
    if kind == 8:
        return '<div class="aside">\n<p>%s</p>\n</div>\n\n<!-- editor: %s -->' % (words(20), words(4))
    if kind == 9:
        return '~~~\n%s\n~~~\n\n***' % words(12)
    if kind == 10:
        return '%s  \n%s\\\n%s' % (words(8), words(8), words(8))
    return '%s\n%s\n\n---' % (words(5), '=' * 10)

out = ['# %s' % words(6).capitalize(), '', '_%s_' % words(14), '']
n = 0
section = 0
while True:
    section += 1
    out += ['## %s %d' % (words(4).capitalize(), section), '']
    for _ in range(3):
        out += [paragraph(n), '']
        n += 6
    out += ['### %s' % words(3).capitalize(), '', block(section % 12, n), '']
    if len(' '.join(out).split()) > 4700:
        break
for k in range(5):
    out += ['[ref%d]: https://example.com/ref/%d "%s"' % (k, k, words(2))]
out.append('')
for i in range(0, n + 6):
    if i % 12 == 10:
        out += ['[^n%d]: %s [%s](https://example.com/source/%d).' % (i, words(9), words(2), i), '']
text = '\n'.join(out) + '\n'
sys.stdout.write(text)
print('%d words, %d bytes' % (len(text.split()), len(text.encode())), file=sys.stderr)
EOF
python3 "$ARTICLE_WORK/make-article.py" > "$ARTICLE_WORK/article.md"
# Ink-safe: <https://...> autolinks written bare, which GFM's extended autolinks still link.
sed -E 's/<(https?:[^<> ]*)>/\1/g' "$ARTICLE_WORK/article.md" > "$ARTICLE_WORK/article-ink-safe.md"

"$PYTHON" - "$ARTICLE_BIN" "$ORACLE_DIR" "$REPETITIONS" "$ARTICLE_WORK/article.md" "$ARTICLE_WORK/article-ink-safe.md" <<'EOF'
import importlib, statistics, subprocess, sys, timeit

binary, oracle_dir, repetitions = sys.argv[1], sys.argv[2], int(sys.argv[3])
articles = [('article, every construct', sys.argv[4], False), ('article, Ink-safe', sys.argv[5], True)]
sys.path.insert(0, oracle_dir)
try:
    oracle = importlib.import_module('cmark-oracle')
    oracle.render('warm up')
except (ImportError, SystemExit):
    oracle = None
    print('(cmark-gfm not available: no cmark column)')
# ArticleBody.options: every GFM extension and footnotes.
EXTENSIONS = ['table', 'strikethrough', 'autolink', 'tagfilter', 'tasklist', 'footnotes']
WATCHDOG = 120  # seconds; Ink has inputs it never finishes

def swift(engine, path):
    """(median ms, fastest ms, output bytes) from article-bench, or None if it failed or hung."""
    try:
        with open(path, 'rb') as source:
            out = subprocess.run([binary, engine, str(repetitions)], stdin=source, capture_output=True,
                                 timeout=WATCHDOG)
    except subprocess.TimeoutExpired:
        print('  (%s did not finish within %d s on %s)' % (engine, WATCHDOG, path))
        return None
    if out.returncode != 0:
        print('  (%s failed: %s)' % (engine, out.stderr.decode(errors='replace').strip()[-200:]))
        return None
    median, fastest, length = out.stdout.split()[-3:]
    return float(median), float(fastest), int(length)

def cmark(path):
    text = open(path, encoding='utf-8').read()
    length = len(oracle.render(text, extensions=EXTENSIONS, raw=True))
    for _ in range(3):
        oracle.render(text, extensions=EXTENSIONS)
    samples = sorted(timeit.repeat(lambda: oracle.render(text, extensions=EXTENSIONS), number=1,
                                   repeat=repetitions))
    return statistics.median(samples) * 1e3, samples[0] * 1e3, length

def cell(result):
    return '%8.3f %8.3f %7d' % result if result else '%8s %8s %7s' % ('-', '-', '-')

def ratio(a, b):
    return '%7.2f' % (a[0] / b[0]) if a and b else '%7s' % '-'

print('%d repetitions each; ms per article: median, fastest; output bytes' % repetitions)
print('%-26s %7s %6s | %-25s | %-25s | %-25s | %-25s | %7s %7s' % (
    'input', 'bytes', 'words', 'ours (renderer)', 'ours + sanitizer', 'cmark-gfm', 'Ink 0.6',
    'ours/cm', 'ours/Ink'))
for name, path, with_ink in articles:
    text = open(path, encoding='utf-8').read()
    ours = swift('ours', path)
    sanitized = swift('article', path)
    reference = cmark(path) if oracle else None
    ink = swift('ink', path) if with_ink else None
    print('%-26s %7d %6d | %s | %s | %s | %s | %s %s' % (
        name, len(text.encode()), len(text.split()), cell(ours), cell(sanitized), cell(reference), cell(ink),
        ratio(ours, reference), ratio(ours, ink)), flush=True)
print('ratios are of medians, renderer only (cmark-gfm and Ink do not sanitise); below 1 means ours is faster')
EOF
}

for part in $PARTS; do
    "$part"
done
