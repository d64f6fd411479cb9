#!/usr/bin/env bash
# sqlite-reads.sh - what one SQLite read costs on each road it can take, measured on the sqlite-nio the
# store links (its checkout under .build), so the figures in docs/upstream.md's SQLite section can be made
# again: SQLiteKit's road (thread pool, fresh parse, each row handed to the event loop), SQLiteNIO's public
# async query, and a kept prepared statement on the caller's thread and on the thread pool. The driver is
# Benchmarks/sqlite-reads/main.swift, built in release in a scratch package under $TMPDIR (at low priority);
# the measuring itself holds /tmp/masthead-build.lock when it exists, so no build disturbs it. Prints, per
# road, the median microseconds per read over ROUNDS rounds of READS reads (the roads taking turns),
# wall-clock and the process's CPU (the pool's and the event loop's threads included). Shared two-core
# machines are noisy: compare the roads within one run.
#
# Usage: Benchmarks/sqlite-reads.sh      (READS=2000 ROUNDS=15; run `swift build` once first for .build/checkouts)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
checkouts="$ROOT/.build/checkouts"
reads="${READS:-2000}"
rounds="${ROUNDS:-15}"
work="${TMPDIR:-/tmp}/masthead-sqlite-reads-bench"
mkdir -p "$work/Sources/Bench"
cp "$ROOT/Benchmarks/sqlite-reads/main.swift" "$work/Sources/Bench/main.swift"
# The checkouts stand in for their remote packages, so the scratch package builds the same sources offline.
cat >"$work/Package.swift" <<PACKAGE
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "SQLiteReadsBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "$checkouts/sqlite-nio"),
        .package(path: "$checkouts/swift-nio"),
        .package(path: "$checkouts/swift-log"),
        .package(path: "$checkouts/swift-atomics"),
        .package(path: "$checkouts/swift-collections"),
        .package(path: "$checkouts/swift-system"),
    ],
    targets: [
        .executableTarget(
            name: "Bench",
            dependencies: [
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        )
    ]
)
PACKAGE
echo "building the driver (release)…"
(cd "$work" && nice -n 19 swift build -c release --product Bench >"$work/build.log" 2>&1) || {
  tail -30 "$work/build.log" >&2
  exit 1
}
lock=/tmp/masthead-build.lock
if [ -e "$lock" ]; then
  flock "$lock" "$work/.build/release/Bench" "$reads" "$rounds"
else
  "$work/.build/release/Bench" "$reads" "$rounds"
fi
