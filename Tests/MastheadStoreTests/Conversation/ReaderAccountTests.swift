import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@Suite struct ReaderAccountTests {
    static let mailing = CommenterAccountActions.Mailing(siteName: "The Daily") {
        "https://news.example/account/verify/\($0)"
    }

    static func link(in store: Store) async throws -> String {
        let mail = try #require(try await store.outbox.recent().first)
        let line = try #require(mail.body.split(separator: "\n").first { $0.contains("/account/verify/") })
        return String(line.split(separator: "/").last ?? "")
    }

    @Test func aVerificationLinkWorksOnceAndNotAfterItExpires() async throws {
        try await FreshDatabase.with { store in
            let accounts = store.commenterAccountActions(passwordCost: 4)
            let now = Date(timeIntervalSince1970: 1_739_530_800)
            try await accounts.register(
                ReaderRegistration(displayName: "Ola", email: "Ola@Example.com", password: "a long password"),
                requester: "a reader", mailing: Self.mailing, now: now)
            let mail = try #require(try await store.outbox.recent().first)
            #expect(mail.recipient == "ola@example.com")
            #expect(mail.subject == "Confirm your email for The Daily")
            let token = try await Self.link(in: store)
            #expect(try await store.commenters.find(email: "ola@example.com")?.isVerified == false)
            await #expect(throws: CommenterAccountActions.VerificationRefusal.wrongPassword) {
                try await accounts.verify(
                    token: token, password: "someone else's guess", now: now.addingTimeInterval(30))
            }
            let verified = try await accounts.verify(
                token: token, password: "a long password", now: now.addingTimeInterval(60))
            #expect(verified.isVerified)
            await #expect(throws: CommenterAccountActions.VerificationRefusal.unknownOrUsed) {
                try await accounts.verify(token: token, password: "a long password", now: now.addingTimeInterval(120))
            }

            try await accounts.register(
                ReaderRegistration(displayName: "Late", email: "late@example.com", password: "a long password"),
                requester: "a reader", mailing: Self.mailing, now: now)
            let late = try await Self.link(in: store)
            await #expect(throws: CommenterAccountActions.VerificationRefusal.expired) {
                try await accounts.verify(
                    token: late, password: "a long password",
                    now: now.addingTimeInterval(CommenterAccountActions.verificationLifetime + 1))
            }
        }
    }

    @Test func signingUpWithATakenAddressMailsItsOwnerAndRevealsNothing() async throws {
        try await FreshDatabase.with { store in
            let accounts = store.commenterAccountActions(passwordCost: 4)
            let now = Date(timeIntervalSince1970: 1_739_530_800)
            try await accounts.createVerified(
                displayName: "Ola", email: "ola@example.com", password: "a long password", now: now)
            try await accounts.register(
                ReaderRegistration(displayName: "Imposter", email: "ola@example.com", password: "another password"),
                requester: "a reader", mailing: Self.mailing, now: now)
            let mail = try #require(try await store.outbox.recent().first)
            #expect(mail.body.contains("already has one"))
            #expect(try await store.commenters.find(email: "ola@example.com")?.displayName == "Ola")
        }
    }

    @Test func oneMailPerAddressFromOneRequesterInFiveMinutes() async throws {
        try await FreshDatabase.with { store in
            let accounts = store.commenterAccountActions(passwordCost: 4)
            let now = Date(timeIntervalSince1970: 1_739_530_800)
            for attempt in 0..<3 {
                try await accounts.register(
                    ReaderRegistration(displayName: "Ola", email: "ola@example.com", password: "a long password"),
                    requester: "a reader", mailing: Self.mailing, now: now.addingTimeInterval(TimeInterval(attempt)))
            }
            #expect(try await store.outbox.recent().count == 1)
        }
    }

    @Test func deletingAnAccountLeavesItsCommentsReadingDeleted() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let reader = try await talk.reader()
            let comment = try #require(try await talk.post("My view on the talks.", by: reader).comment)
            try await store.commenterAccountActions(passwordCost: 4).deleteAccount(reader, now: talk.now)
            let stored = try #require(try await store.comments.find(comment.id))
            #expect(stored.displayName == CommenterAccountActions.deletedName)
            #expect(stored.body.isEmpty)
            #expect(stored.isDeleted)
            #expect(try await store.commenters.find(email: "ola@example.com") == nil)
            await #expect(throws: SignIn.Refusal.wrongEmailOrPassword) {
                try await store.signIn(passwordCost: 4).attempt(
                    .reader, email: "ola@example.com", password: TestReaders.password, address: "h", now: talk.now)
            }
        }
    }

    @Test func addressHashesChangeEveryDayAndNeverHoldTheAddress() async throws {
        try await FreshDatabase.with { store in
            let hasher = AddressHasher()
            let day = Date(timeIntervalSince1970: 1_739_530_800)
            let first = try await hasher.hash("203.0.113.9", now: day, in: store)
            #expect(try await hasher.hash("203.0.113.9", now: day.addingTimeInterval(60), in: store) == first)
            #expect(try await AddressHasher().hash("203.0.113.9", now: day, in: store) == first)
            #expect(!first.contains("203.0.113.9"))
            #expect(first.allSatisfy { $0.isHexDigit })
            let nextDay = try await hasher.hash("203.0.113.9", now: day.addingTimeInterval(86_400), in: store)
            #expect(nextDay != first)
        }
    }

    /// The first requests of a day all find no salt; they must agree on one, and none may fail, while
    /// write transactions run beside them (a burst of sign-ins on a new site once got a 500).
    @Test func theFirstRequestsOfADayAgreeOnOneSalt() async throws {
        try await FreshDatabase.with { store in
            let day = Date(timeIntervalSince1970: 1_739_530_800)
            let signIn = store.signIn(passwordCost: 4)
            let hashes = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<20 {
                    group.addTask { try await AddressHasher().hash("203.0.113.9", now: day, in: store) }
                    group.addTask {
                        _ = try? await signIn.attempt(
                            .reader, email: "nobody\(index)@example.com", password: "guess", address: "a\(index)",
                            now: day)
                        return nil
                    }
                }
                return try await group.reduce(into: Set<String>()) { if let hash = $1 { $0.insert(hash) } }
            }
            #expect(hashes.count == 1)
        }
    }
}
