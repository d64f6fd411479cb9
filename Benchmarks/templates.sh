#!/usr/bin/env bash
# templates.sh - what the theme's Mustache renderer costs on the reference article page, before and after a
# change, in one run. The page's context is recorded in Benchmarks/templates/reference-article.json (by
# ReferenceContextTests; MASTHEAD_RECORD_GOLDEN=1 records it anew), so no database or server is involved:
# only TemplateLibrary rendering the default theme's article template (with its layout and comment partials).
# It is timed twice: rendering the recorded template value alone, and building that value from a typed
# context first, as the site does for every page. The typed context is Swift structs shaped like the page's
# (written by Benchmarks/templates/contexts.py from the recording): a renderer that has TemplateEncoder
# encodes them, an older one uses hand-written template values, as page contexts had then.
#
# The renderer's sources (Sources/MastheadWeb/Theme/Template and MastheadCore's HTMLEscaping) are copied
# from the git revision BEFORE and from the working tree into two scratch packages under $TMPDIR, each
# built in release mode with the driver Benchmarks/templates/main.swift and the tests' JSON reader. Both
# render the same theme (the working tree's) and must write the same bytes. Prints, for each, the median
# and fastest microseconds per page over ROUNDS rounds of RENDERS renders, and the ratios after/before
# (medians). Wall-clock on a shared two-core machine: compare ratios from one run.
#
# Usage: Benchmarks/templates.sh [BEFORE]     (BEFORE defaults to HEAD; RENDERS=2000 ROUNDS=15)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
before="${1:-HEAD}"
renders="${RENDERS:-2000}"
rounds="${ROUNDS:-15}"
work="${TMPDIR:-/tmp}/masthead-templates-bench"
template_dir=Sources/MastheadWeb/Theme/Template
escaping=Sources/MastheadCore/HTMLEscaping.swift
reader=Tests/MastheadWebTests/Theme/TemplateValue+JSON.swift

# scratch NAME REVISION: a package with the renderer as it is at REVISION ("" for the working tree).
scratch() {
  local dir="$work/$1" revision="$2"
  rm -rf "$dir"
  mkdir -p "$dir/Sources/MastheadCore" "$dir/Sources/Bench"
  if [ -z "$revision" ]; then
    cp "$template_dir"/*.swift "$dir/Sources/Bench/"
    cp "$escaping" "$dir/Sources/MastheadCore/"
  else
    for file in $(git ls-tree --name-only "$revision" "$template_dir/"); do
      git show "$revision:$file" >"$dir/Sources/Bench/$(basename "$file")"
    done
    git show "$revision:$escaping" >"$dir/Sources/MastheadCore/HTMLEscaping.swift"
  fi
  grep -v '^@testable import MastheadWeb' "$reader" >"$dir/Sources/Bench/TemplateValue+JSON.swift"
  cp Benchmarks/templates/main.swift "$dir/Sources/Bench/main.swift"
  python3 Benchmarks/templates/contexts.py Benchmarks/templates/reference-article.json \
    >"$dir/Sources/Bench/Contexts.swift"
  local settings=""
  if [ -f "$dir/Sources/Bench/TemplateEncoder.swift" ]; then settings=', swiftSettings: [.define("ENCODER")]'; fi
  cat >"$dir/Package.swift" <<PACKAGE
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "TemplateBench",
    targets: [
        .target(name: "MastheadCore"),
        .executableTarget(name: "Bench", dependencies: ["MastheadCore"]$settings),
    ]
)
PACKAGE
  (cd "$dir" && swift build -c release --product Bench >"$dir/build.log" 2>&1) || {
    cat "$dir/build.log" >&2
    exit 1
  }
}

echo "building the renderer at $before and in the working tree (release)…"
scratch before "$before"
scratch after ""
theme=Sources/MastheadWeb/Resources/Themes/default
context=Benchmarks/templates/reference-article.json
read -r before_median before_fastest before_bytes before_built_median before_built_fastest < <("$work/before/.build/release/Bench" \
  "$theme" "$context" article "$renders" "$rounds" "$work/before.html")
read -r after_median after_fastest after_bytes after_built_median after_built_fastest < <("$work/after/.build/release/Bench" \
  "$theme" "$context" article "$renders" "$rounds" "$work/after.html")
if ! cmp -s "$work/before.html" "$work/after.html"; then
  echo "the two renderers wrote different pages:" >&2
  diff "$work/before.html" "$work/after.html" | head -20 >&2
  exit 1
fi
printf '%-28s %12s %12s %8s %14s %14s\n' "renderer" "median µs" "fastest µs" "bytes" "built median" "built fastest"
printf '%-28s %12s %12s %8s %14s %14s\n' "before ($before)" "$before_median" "$before_fastest" "$before_bytes" \
  "$before_built_median" "$before_built_fastest"
printf '%-28s %12s %12s %8s %14s %14s\n' "after (working tree)" "$after_median" "$after_fastest" "$after_bytes" \
  "$after_built_median" "$after_built_fastest"
awk -v a="$after_median" -v b="$before_median" 'BEGIN { printf "after/before, rendering (medians): %.3f\n", a / b }'
awk -v a="$after_built_median" -v b="$before_built_median" \
  'BEGIN { printf "after/before, building the value and rendering (medians): %.3f\n", a / b }'
