import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

/// Mail to an address is limited per recipient and requester (the hash of the client address that
/// asked), so a stranger who signs up with someone's address first, and again every few minutes, cannot
/// keep its owner from getting a link (issue 19, review of defect 4).
@Suite struct SignUpMailLimitTests {
    static let now = Date(timeIntervalSince1970: 1_739_530_800)

    static func signUp(
        _ store: Store, _ name: String, _ password: String, from requester: String, at time: Date
    ) async throws {
        try await store.commenterAccountActions(passwordCost: 4).register(
            ReaderRegistration(displayName: name, email: "ola@example.com", password: password),
            requester: requester, mailing: ReaderAccountTests.mailing, now: time)
    }

    @Test func theOwnerGetsALinkWhileAStrangerKeepsSigningUpWithTheirAddress() async throws {
        try await FreshDatabase.with { store in
            try await Self.signUp(store, "Stranger", "the stranger's pass", from: "stranger", at: Self.now)
            try await Self.signUp(
                store, "Stranger", "the stranger's pass", from: "stranger", at: Self.now.addingTimeInterval(60))
            #expect(try await store.outbox.recent().count == 1, "the stranger's second request is held back")
            try await Self.signUp(
                store, "Ola", "ola's own password", from: "ola", at: Self.now.addingTimeInterval(120))
            let mails = try await store.outbox.recent()
            #expect(mails.count == 2)
            #expect(mails.first?.body.contains("Hello Ola,") == true)
            let olas = try await ReaderAccountTests.link(in: store)
            let verified = try await store.commenterAccountActions(passwordCost: 4).verify(
                token: olas, password: "ola's own password", now: Self.now.addingTimeInterval(180))
            #expect(verified.isVerified)
            #expect(verified.displayName == "Ola")
        }
    }

    @Test func oneRequesterGetsTwelveMailsAnHourAndTheInboxTwenty() async throws {
        try await FreshDatabase.with { store in
            for minute in 0..<60 {
                try await Self.signUp(
                    store, "Stranger", "the stranger's pass", from: "stranger",
                    at: Self.now.addingTimeInterval(Double(minute * 60)))
            }
            #expect(try await store.outbox.recent().count == 12, "one every five minutes")
            let lastMinute = Self.now.addingTimeInterval(59 * 60)
            for helper in 0..<10 {
                try await Self.signUp(store, "Helper", "a helper's password", from: "helper \(helper)", at: lastMinute)
            }
            #expect(try await store.outbox.recent().count == CommenterAccountActions.mailsPerRecipientPerHour)
            // An hour after the first mail, its place in the hour is free again.
            try await Self.signUp(
                store, "Ola", "ola's own password", from: "ola", at: Self.now.addingTimeInterval(3_601))
            #expect(try await store.outbox.recent().count == CommenterAccountActions.mailsPerRecipientPerHour + 1)
        }
    }
}
