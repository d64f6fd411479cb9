import Foundation
import Logging
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// The outbox sent through a real SMTP server, and kept when the relay refuses.
@Suite struct MailDeliveryTests {
    @Test func aVerificationMailIsSentThroughTheRelayAndMarkedSent() async throws {
        try await SMTPSink.run { sink in
            try await FreshDatabase.with { store in
                try await store.commenterAccountActions(passwordCost: 4).register(
                    ReaderRegistration(
                        displayName: "Zoë", email: "zoe@example.org", password: "a long enough password"),
                    requester: "a reader", mailing: ReaderAccountPagesTests.mailing, now: TestSite.referenceNow)
                let delivery = MailDelivery(
                    store: store, smtp: SMTPConfiguration(url: "smtp://127.0.0.1:\(sink.port)"),
                    from: MailAddress(name: "The Daily", address: "desk@news.example"),
                    clock: .fixed(TestSite.referenceNow),
                    logger: Logger(label: "test"))
                let waiting = try await store.outbox.unsent(maximumAttempts: MailDelivery.maximumAttempts)
                #expect(waiting.count == 1)
                for mail in waiting { await delivery.send(mail, through: try #require(delivery.smtp)) }
                let record = try #require(try sink.records().first)
                #expect(record.rcpt_to == ["<zoe@example.org>"])
                #expect(record.subject == "Confirm your email for The Daily")
                #expect(record.body.contains("/account/verify/"))
                #expect(try await store.outbox.recent().first?.sentAt == TestSite.referenceNow)
                #expect(try await store.outbox.unsent(maximumAttempts: MailDelivery.maximumAttempts).isEmpty)
            }
        }
    }

    @Test func aRefusedMailStaysInTheOutboxWithTheReason() async throws {
        try await FreshDatabase.with { store in
            try await store.commenterAccountActions(passwordCost: 4).register(
                ReaderRegistration(displayName: "Ola", email: "ola@example.com", password: "a long enough password"),
                requester: "a reader", mailing: ReaderAccountPagesTests.mailing, now: TestSite.referenceNow)
            let port = try RawHTTP.freePort(host: "127.0.0.1")
            let delivery = MailDelivery(
                store: store, smtp: SMTPConfiguration(url: "smtp://127.0.0.1:\(port)"),
                from: MailAddress(address: "desk@news.example"), clock: .fixed(TestSite.referenceNow),
                logger: Logger(label: "test"))
            let mail = try #require(try await store.outbox.recent().first)
            await delivery.send(mail, through: try #require(delivery.smtp))
            let kept = try #require(try await store.outbox.recent().first)
            #expect(kept.sentAt == nil)
            #expect(kept.attempts == 1)
            #expect(kept.lastError?.isEmpty == false)
        }
    }
}
