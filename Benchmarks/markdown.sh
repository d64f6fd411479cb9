#!/usr/bin/env bash
# markdown.sh - does MastheadMarkdown stay linear on the pathological inputs, and how does it compare with
# cmark-gfm? For each generator in Tests/MastheadMarkdownTests/Fixtures/pathological-generators.json it
# renders a small and a ten-times-larger input (N = 10 000 and 100 000 repetitions; 100 and 316 where the
# input grows with N squared) through our renderer and through cmark-gfm, and prints the time of each and
# the large/small ratio. Linear code shows a ratio near 10; quadratic code shows about 100.
#
# Usage:  bash Benchmarks/markdown.sh [NAME-SUBSTRING]
# Needs:  swift, python3, and cmark-gfm's Python binding (bash /work/shared/tools/install-validators.sh puts
#         it in /opt/newsval/venv); without it only our timings are printed.
# Builds a release copy of the renderer in a scratch package, so it never touches the main .build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${TMPDIR:-/tmp}/masthead-markdown-bench"
ORACLE_DIR="${ORACLE_DIR:-/work/shared/tools}"
PYTHON="${PYTHON:-/opt/newsval/venv/bin/python}"
[ -x "$PYTHON" ] || PYTHON=python3

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

"$PYTHON" - "$ROOT/Tests/MastheadMarkdownTests/Fixtures/pathological-generators.json" "$BIN" "$ORACLE_DIR" "${1:-}" <<'EOF'
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
