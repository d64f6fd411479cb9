import MastheadTesting
import SQLKit
import SQLKitBenchmark
import XCTest

@testable import MastheadStore

/// SQLKit's own benchmark suite, which ships with sql-kit, run on the road the store reads and writes
/// through (``Store/database``): on SQLite its reads run on ``SQLiteReads`` (the suite writes and
/// changes the schema too, which go to the driver, so it also checks that a read sees each of them);
/// on PostgreSQL, whatever the store reads through there.
///
/// An XCTest case, not a Swift Testing suite like the rest: the benchmark asserts with XCTest, whose
/// failures a Swift Testing test does not see (it passes with `XCTAssertEqual(1, 2)` in it).
final class SQLKitBenchmarkTests: XCTestCase {
    func testTheStoresDatabasePassesSQLKitsBenchmark() async throws {
        try await FreshDatabase.with { store in
            let sql = try XCTUnwrap(store.database as? any SQLDatabase)
            let ran = store.reads?.ranHere.load(ordering: .relaxed)
            try await SQLBenchmarker(on: sql).runAllTests()
            if let ran, let reads = store.reads {
                XCTAssertGreaterThan(
                    reads.ranHere.load(ordering: .relaxed), ran, "the suite's reads ran on SQLiteReads")
            }
        }
    }
}
