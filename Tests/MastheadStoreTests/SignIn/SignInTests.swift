import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

/// The one sign-in action for staff and readers (``SignIn``): how many attempts it checks when they
/// arrive at once, whom its limits shut out, and what its timing says about unknown emails.
@Suite struct SignInTests {
    static let now = Date(timeIntervalSince1970: 1_739_530_800)
    static let password = "correct horse battery"
    static let roles = Role.allCases.map(\.rawValue)

    enum Answer: Equatable, Sendable {
        case signedIn, wrong, throttled
    }

    static func answer<Account: Sendable>(
        _ signIn: SignIn, _ audience: SignInAudience<Account>, _ email: String, _ password: String,
        from address: String
    ) async throws -> Answer {
        do {
            _ = try await signIn.attempt(audience, email: email, password: password, address: address, now: now)
            return .signedIn
        } catch SignIn.Refusal.wrongEmailOrPassword {
            return .wrong
        } catch SignIn.Refusal.throttled {
            return .throttled
        }
    }

    static func seedStaff(_ store: Store, cost: UInt8 = 4) async throws {
        for role in Role.allCases {
            _ = try await store.accountActions(passwordCost: cost).create(
                email: "\(role.rawValue)@example.com", name: role.label, role: role, password: password, by: nil,
                now: now)
        }
    }

    /// Runs every attempt at once and returns their answers.
    static func together(_ attempts: [@Sendable () async throws -> Answer]) async throws -> [Answer] {
        try await withThrowingTaskGroup(of: Answer.self) { group in
            for attempt in attempts { group.addTask(operation: attempt) }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func guessesAtOneAccountFromManyAddressesAtOnceAreCheckedFiveTimes() async throws {
        try await FreshDatabase.with { store in
            try await Self.seedStaff(store)
            // A second node on the same database: the count is the database's, not a process's.
            try await Store.using(
                store.location, logger: testLogger, connectionWait: FreshDatabase.connectionWait
            ) { otherNode in
                let attempts = (0..<30).map { index in
                    let node = index.isMultiple(of: 2) ? store : otherNode
                    return { @Sendable in
                        try await Self.answer(
                            node.signIn(passwordCost: 4), .staff, "editor@example.com", "wrong password!",
                            from: "198.51.100.\(index)")
                    }
                }
                let answers = try await Self.together(attempts)
                #expect(answers.filter { $0 == .wrong }.count == 5)
                #expect(answers.filter { $0 == .throttled }.count == 25)
            }
        }
    }

    @Test func guessesFromOneAddressAtOnceAreCheckedFiveTimes() async throws {
        try await FreshDatabase.with { store in
            _ = try await store.commenterAccountActions(passwordCost: 4).createVerified(
                displayName: "Ola", email: "ola@example.com", password: Self.password, now: Self.now)
            let attempts = (0..<20).map { _ in
                { @Sendable in
                    try await Self.answer(
                        store.signIn(passwordCost: 4), .reader, "ola@example.com", "wrong password!",
                        from: "203.0.113.7")
                }
            }
            let answers = try await Self.together(attempts)
            #expect(answers.filter { $0 == .wrong }.count == 5)
            #expect(answers.filter { $0 == .throttled }.count == 15)
        }
    }

    @Test func onePersonsTyposAtASharedAddressShutOnlyTheirOwnAccount() async throws {
        try await FreshDatabase.with { store in
            try await Self.seedStaff(store)
            let signIn = store.signIn(passwordCost: 4)
            let office = "203.0.113.7"
            for _ in 1...5 {
                #expect(try await Self.answer(signIn, .staff, "editor@example.com", "typo", from: office) == .wrong)
            }
            // Refused attempts are neither checked nor counted, so the editor trying on and on does not
            // use up the office's allowance.
            for _ in 1...60 {
                let again = try await Self.answer(signIn, .staff, "editor@example.com", Self.password, from: office)
                #expect(again == .throttled)
            }
            for role in Self.roles where role != "editor" {
                let colleague = try await Self.answer(
                    signIn, .staff, "\(role)@example.com", Self.password, from: office)
                #expect(colleague == .signedIn, "\(role)")
            }
        }
    }

    @Test func signingInForgivesYourOwnTypos() async throws {
        try await FreshDatabase.with { store in
            try await Self.seedStaff(store)
            let signIn = store.signIn(passwordCost: 4)
            for _ in 1...4 {
                #expect(try await Self.answer(signIn, .staff, "editor@example.com", "typo", from: "a") == .wrong)
            }
            #expect(try await Self.answer(signIn, .staff, "editor@example.com", Self.password, from: "a") == .signedIn)
            for _ in 1...5 {
                #expect(try await Self.answer(signIn, .staff, "editor@example.com", "typo", from: "b") == .wrong)
            }
            // Someone else's five at "b" shut the account to new places; "a", where it signed in, stays open.
            #expect(try await Self.answer(signIn, .staff, "editor@example.com", Self.password, from: "c") == .throttled)
            #expect(try await Self.answer(signIn, .staff, "editor@example.com", Self.password, from: "a") == .signedIn)
        }
    }

    @Test func anAddressIsStoppedAfterFiftyFailuresAndItsSignInsDoNotCount() async throws {
        try await FreshDatabase.with { store in
            try await Self.seedStaff(store)
            let signIn = store.signIn(passwordCost: 4)
            let address = "203.0.113.7"
            for index in 1...45 {
                let wrong = try await Self.answer(signIn, .staff, "nobody\(index)@example.com", "guess", from: address)
                #expect(wrong == .wrong)
            }
            // A newsroom signing in every morning from one address does not use up its allowance.
            for role in Self.roles + Self.roles {
                let signedIn = try await Self.answer(
                    signIn, .staff, "\(role)@example.com", Self.password, from: address)
                #expect(signedIn == .signedIn, "\(role)")
            }
            for index in 46...50 {
                let wrong = try await Self.answer(signIn, .staff, "nobody\(index)@example.com", "guess", from: address)
                #expect(wrong == .wrong)
            }
            #expect(
                try await Self.answer(signIn, .staff, "author@example.com", Self.password, from: address) == .throttled)
            #expect(
                try await Self.answer(signIn, .staff, "author@example.com", Self.password, from: "203.0.113.8")
                    == .signedIn)
        }
    }

    @Test func aWrongPasswordTakesAsLongForAnUnknownEmailAsForAnAccount() async throws {
        try await FreshDatabase.with { store in
            // A real cost, so that bcrypt is most of the time an attempt takes.
            let cost: UInt8 = 10
            try await Self.seedStaff(store, cost: cost)
            _ = try await store.commenterAccountActions(passwordCost: cost).createVerified(
                displayName: "Ola", email: "ola@example.com", password: Self.password, now: Self.now)
            // Limits out of the way: this is about the time a checked password takes.
            let signIn = store.signIn(
                passwordCost: cost,
                throttle: SignInThrottle(accountAtAddressLimit: 99, accountLimit: 99, addressLimit: 99))

            func medians<Account: Sendable>(_ audience: SignInAudience<Account>, known: String) async throws
                -> (known: Double, unknown: Double)
            {
                func seconds(_ email: String) async throws -> Double {
                    let clock = ContinuousClock()
                    let start = clock.now
                    let answer = try await Self.answer(signIn, audience, email, "wrong password!", from: "a")
                    let took = clock.now - start
                    #expect(answer == .wrong)
                    return Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
                }
                var knownTimes: [Double] = []
                var unknownTimes: [Double] = []
                // Taken in turns, so that whatever else the machine is doing slows both alike.
                for _ in 0..<15 {
                    knownTimes.append(try await seconds(known))
                    unknownTimes.append(try await seconds("nobody@example.com"))
                }
                return (knownTimes.sorted()[7], unknownTimes.sorted()[7])
            }
            // A busy machine (the whole suite runs at once) can skew one series; the defect this guards
            // against is no skew but a gap of fifteen times, which no retry hides. So a series is taken
            // again, up to three times, until its medians agree.
            func agreeingMedians<Account: Sendable>(_ audience: SignInAudience<Account>, known: String)
                async throws -> (known: Double, unknown: Double)
            {
                var times = try await medians(audience, known: known)
                for _ in 1..<3 where abs(times.unknown - times.known) > 0.2 * times.known {
                    times = try await medians(audience, known: known)
                }
                return times
            }
            let staff = try await agreeingMedians(.staff, known: "editor@example.com")
            #expect(abs(staff.unknown - staff.known) <= 0.2 * staff.known, "staff: \(staff)")
            let readers = try await agreeingMedians(.reader, known: "ola@example.com")
            #expect(abs(readers.unknown - readers.known) <= 0.2 * readers.known, "readers: \(readers)")
        }
    }
}
