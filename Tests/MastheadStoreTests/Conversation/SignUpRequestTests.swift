import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

/// A second sign-up for an address nobody has confirmed is a request of its own (issue 19, defect 4):
/// it cannot spoil the link the first person was sent, nor change the password they chose.
@Suite struct SignUpRequestTests {
    static let now = Date(timeIntervalSince1970: 1_739_530_800)
    static let afterTheMailLimit = now.addingTimeInterval(CommenterAccountActions.mailInterval + 1)

    static func signUp(_ store: Store, _ name: String, _ password: String, at time: Date) async throws {
        try await store.commenterAccountActions(passwordCost: 4).register(
            ReaderRegistration(displayName: name, email: "ola@example.com", password: password),
            requester: "one address", mailing: ReaderAccountTests.mailing, now: time)
    }

    @Test func aStrangersSecondSignUpLeavesTheFirstLinkAndPasswordWorking() async throws {
        try await FreshDatabase.with { store in
            let accounts = store.commenterAccountActions(passwordCost: 4)
            try await Self.signUp(store, "Ola", "ola's own password", at: Self.now)
            let olas = try await ReaderAccountTests.link(in: store)
            try await Self.signUp(store, "Stranger", "the stranger's pass", at: Self.afterTheMailLimit)
            let strangers = try await ReaderAccountTests.link(in: store)
            #expect(strangers != olas)
            #expect(try await store.outbox.recent().count == 2)

            await #expect(throws: CommenterAccountActions.VerificationRefusal.wrongPassword) {
                try await accounts.verify(token: olas, password: "the stranger's pass", now: Self.afterTheMailLimit)
            }
            let verified = try await accounts.verify(
                token: olas, password: "ola's own password", now: Self.afterTheMailLimit)
            #expect(verified.isVerified)
            #expect(verified.displayName == "Ola")
            // Confirming one request discards the others.
            await #expect(throws: CommenterAccountActions.VerificationRefusal.unknownOrUsed) {
                try await accounts.verify(
                    token: strangers, password: "the stranger's pass", now: Self.afterTheMailLimit)
            }
        }
    }

    @Test func aSignUpWhoseMailTheLimitHoldsBackChangesNothing() async throws {
        try await FreshDatabase.with { store in
            let accounts = store.commenterAccountActions(passwordCost: 4)
            try await Self.signUp(store, "Ola", "ola's own password", at: Self.now)
            let olas = try await ReaderAccountTests.link(in: store)
            for second in 1...3 {
                try await Self.signUp(
                    store, "Stranger", "the stranger's pass", at: Self.now.addingTimeInterval(Double(second)))
            }
            #expect(try await store.outbox.recent().count == 1)
            let account = try #require(try await store.commenters.find(email: "ola@example.com"))
            #expect(account.displayName == "Ola")
            let verified = try await accounts.verify(
                token: olas, password: "ola's own password", now: Self.now.addingTimeInterval(60))
            #expect(verified.id == account.id)
            #expect(verified.isVerified)
        }
    }

    @Test func theOwnerConfirmsTheirOwnRequestOverAStrangersAndTheStrangersSessionsEnd() async throws {
        try await FreshDatabase.with { store in
            let accounts = store.commenterAccountActions(passwordCost: 4)
            try await Self.signUp(store, "Stranger", "the stranger's pass", at: Self.now)
            let strangers = try await ReaderAccountTests.link(in: store)
            let account = try #require(try await store.commenters.find(email: "ola@example.com"))
            // The stranger signed in to the unconfirmed account they made.
            try await store.sessions.create(
                key: "reader:stranger", value: account.id.uuidString, accountID: account.id, expiresAt: nil)
            try await Self.signUp(store, "Ola", "ola's own password", at: Self.afterTheMailLimit)
            let olas = try await ReaderAccountTests.link(in: store)

            await #expect(throws: CommenterAccountActions.VerificationRefusal.wrongPassword) {
                try await accounts.verify(token: olas, password: "the stranger's pass", now: Self.afterTheMailLimit)
            }
            let verified = try await accounts.verify(
                token: olas, password: "ola's own password", now: Self.afterTheMailLimit)
            #expect(verified.id == account.id)
            #expect(verified.displayName == "Ola")
            #expect(try await store.sessions.get(key: "reader:stranger", now: Self.afterTheMailLimit) == nil)
            await #expect(throws: CommenterAccountActions.VerificationRefusal.unknownOrUsed) {
                try await accounts.verify(
                    token: strangers, password: "the stranger's pass", now: Self.afterTheMailLimit)
            }
        }
    }

    @Test func confirmingWithTheAccountsOwnPasswordKeepsItsSessions() async throws {
        try await FreshDatabase.with { store in
            let accounts = store.commenterAccountActions(passwordCost: 4)
            try await Self.signUp(store, "Ola", "ola's own password", at: Self.now)
            let olas = try await ReaderAccountTests.link(in: store)
            let account = try #require(try await store.commenters.find(email: "ola@example.com"))
            try await store.sessions.create(
                key: "reader:phone", value: account.id.uuidString, accountID: account.id, expiresAt: nil)
            try await accounts.verify(token: olas, password: "ola's own password", now: Self.now)
            #expect(try await store.sessions.get(key: "reader:phone", now: Self.now) != nil)
        }
    }
}
