import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import SQLKit
import Testing

@testable import MastheadWeb

/// The hourly housekeeping deletes what no request would: sign-in counts whose window is over, which
/// made-up emails from ever new addresses leave behind when nobody signs in, and old records of who
/// asked for mail (issue 19, review).
@Suite struct HousekeepingTests {
    static let start = Date(timeIntervalSince1970: 1_739_530_800)

    /// What `query`, a `SELECT COUNT(*) AS n`, counts.
    static func count(_ store: Store, _ query: SQLQueryString) async throws -> Int {
        guard let sql = store.database as? any SQLDatabase else { throw StoreError.notSQL }
        struct Row: Decodable { let n: Int }
        return try #require(try await sql.raw(query).first(decoding: Row.self)).n
    }

    @Test func signInCountsWhoseWindowIsOverGoWithoutAnySuccessfulSignIn() async throws {
        try await FreshDatabase.with { store in
            let throttle = SignInThrottle()
            let signIn = store.signIn(passwordCost: 4, throttle: throttle)
            let recent = Self.start.addingTimeInterval(throttle.window - 60)
            for (index, time) in [Self.start, Self.start, Self.start, recent].enumerated() {
                await #expect(throws: SignIn.Refusal.wrongEmailOrPassword) {
                    try await signIn.attempt(
                        .reader, email: "made-up-\(index)@example.com", password: "a guess",
                        address: "address \(index)", now: time)
                }
            }
            let old: SQLQueryString =
                "SELECT COUNT(*) AS n FROM sign_in_attempts WHERE window_start = \(bind: Self.start)"
            let current: SQLQueryString =
                "SELECT COUNT(*) AS n FROM sign_in_attempts WHERE window_start = \(bind: recent)"
            #expect(try await Self.count(store, old) > 0)
            let running = try await Self.count(store, current)
            #expect(running > 0)

            let sweeper = Housekeeping(
                store: store, clock: .fixed(Self.start.addingTimeInterval(throttle.window + 1)),
                signInWindow: throttle.window, logger: testLogger)
            await sweeper.sweep()
            #expect(try await Self.count(store, old) == 0)
            #expect(try await Self.count(store, current) == running, "a count still in its window stays")
        }
    }

    /// An address an account signed in from stops sparing it once its memory is over; housekeeping then
    /// deletes the row, while a more recent one stays.
    @Test func addressesAccountsSignedInFromGoOnceTheyNoLongerCount() async throws {
        try await FreshDatabase.with { store in
            let throttle = SignInThrottle()
            let signIn = store.signIn(passwordCost: 4, throttle: throttle)
            _ = try await store.commenterAccountActions(passwordCost: 4).createVerified(
                displayName: "Ola", email: "ola@example.com", password: "ola's own password", now: Self.start)
            let later = Self.start.addingTimeInterval(86_400)
            for (address, time) in [("old office", Self.start), ("new office", later)] {
                _ = try await signIn.attempt(
                    .reader, email: "ola@example.com", password: "ola's own password", address: address, now: time)
            }
            let known: SQLQueryString = "SELECT COUNT(*) AS n FROM sign_in_known_addresses"
            #expect(try await Self.count(store, known) == 2)
            await Housekeeping(
                store: store, clock: .fixed(Self.start.addingTimeInterval(throttle.knownAddressMemory + 60)),
                signInWindow: throttle.window, logger: testLogger
            ).sweep()
            #expect(try await Self.count(store, known) == 1)
        }
    }

    static var mailRequests: SQLQueryString { "SELECT COUNT(*) AS n FROM mail_requests" }

    @Test func whoAskedForMailIsForgottenAfterAnHour() async throws {
        try await FreshDatabase.with { store in
            try await store.commenterAccountActions(passwordCost: 4).register(
                ReaderRegistration(displayName: "Ola", email: "ola@example.com", password: "ola's own password"),
                requester: "ola", mailing: ReaderAccountPagesTests.mailing, now: Self.start)
            #expect(try await Self.count(store, Self.mailRequests) == 1)
            await Housekeeping(
                store: store, clock: .fixed(Self.start.addingTimeInterval(1_800)), signInWindow: 900,
                logger: testLogger
            ).sweep()
            #expect(try await Self.count(store, Self.mailRequests) == 1, "the hour's limit still counts it")
            await Housekeeping(
                store: store, clock: .fixed(Self.start.addingTimeInterval(3_601)), signInWindow: 900,
                logger: testLogger
            ).sweep()
            #expect(try await Self.count(store, Self.mailRequests) == 0)
        }
    }
}
