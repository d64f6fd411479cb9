#!/usr/bin/env bash
# run.sh - fuzz the article pipeline (MastheadMarkdown, then HTMLSanitizer) with libFuzzer.
#
# Usage:  bash Fuzz/run.sh [SECONDS] [extra libFuzzer flags...]     (default 60 seconds)
#         bash Fuzz/run.sh 1800 -len_control=0   (inputs up to -max_len=16384 from the start: libFuzzer
#                                                otherwise grows its length limit only when coverage stalls,
#                                                which on this target can take longer than a run)
#         bash Fuzz/run.sh --build-only
#         bash Fuzz/run.sh --reproduce FILE                        (run one input, e.g. a crash artifact)
#
# The target (Sources/MastheadFuzz/Fuzz.swift) renders each input through ArticleBody.html(fromMarkdown:)
# and through Markdown.html with plain CommonMark and with a mix of extensions, sanitises the latter two
# as well, and crashes on script in the sanitised HTML, so libFuzzer keeps and can minimise the input.
# A hang shows as a libFuzzer timeout (-timeout=10), memory blow-up as -rss_limit_mb=2048.
#
# SwiftPM refuses target paths outside a package's root, so the real sources are reached through
# symlinks in Fuzz/.build-sources; everything this writes is under Fuzz/.build-* (gitignored):
#   .build-fuzz/           build output
#   .build-fuzz/corpus/    inputs libFuzzer found interesting (Fuzz/corpus/ holds only the seeds and is
#                          never written to)
#   .build-fuzz/artifacts/ crash-*, timeout-*, oom-* inputs
#   .build-fuzz/fuzz-*.log the run's output
# It runs under `nice -n 19`: the machine has two cores and a fuzz run should not slow anyone's build.
set -euo pipefail

FUZZ="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$FUZZ/.." && pwd)"
SCRATCH="$FUZZ/.build-fuzz"

mkdir -p "$FUZZ/.build-sources" "$SCRATCH/corpus" "$SCRATCH/artifacts"
ln -sfn "$ROOT/Sources/MastheadMarkdown" "$FUZZ/.build-sources/MastheadMarkdown"
ln -sfn "$ROOT/Sources/MastheadCore" "$FUZZ/.build-sources/MastheadCore"

# -sanitize=fuzzer instruments every module for coverage and links libFuzzer from the toolchain;
# -parse-as-library because the entry point is libFuzzer's (see Sources/FuzzDriver/FuzzDriver.c).
echo "building the fuzz target (release, fuzzer + address sanitizers) ..." >&2
nice -n 19 swift build -c release --package-path "$FUZZ" --scratch-path "$SCRATCH" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
BIN="$SCRATCH/release/MastheadFuzz"

case "${1:-}" in
--build-only) exit 0 ;;
--reproduce)
    exec nice -n 19 "$BIN" -timeout=10 -rss_limit_mb=2048 "$2"
    ;;
esac

SECONDS_TO_RUN="${1:-60}"
shift || true
LOG="$SCRATCH/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "fuzzing for $SECONDS_TO_RUN s; log: $LOG" >&2
status=0
# New inputs go to the first corpus directory only, so the committed seeds stay as they are.
nice -n 19 "$BIN" "$SCRATCH/corpus" "$FUZZ/corpus" \
    -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -dict="$FUZZ/markdown.dict" -max_len=16384 \
    -artifact_prefix="$SCRATCH/artifacts/" "$@" 2>&1 | tee "$LOG" || status=$?

echo
echo "== summary =="
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$LOG" | tail -2 || true
grep -E '^stat::' "$LOG" || true
echo "corpus: $(find "$SCRATCH/corpus" -type f | wc -l) inputs found this and earlier runs, $(find "$FUZZ/corpus" -type f | wc -l) seeds"
if ls "$SCRATCH"/artifacts/* >/dev/null 2>&1; then
    echo "artifacts (crashes, timeouts, out-of-memory):"
    ls -l "$SCRATCH"/artifacts/
else
    echo "artifacts: none"
fi
exit "$status"
