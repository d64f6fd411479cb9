import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import NIOCore
import Synchronization
import Testing

@testable import MastheadWeb

/// Webhooks: written in the event's transaction, signed, retried with backoff, logged, and kept
/// away from private addresses unless the site allows them.
@Suite struct WebhookTests {
    /// An admin, an endpoint on the receiver for `article.published`, and one story published.
    static func publishWithEndpoint(_ store: Store, port: Int, slug: String) async throws -> (
        admin: StaffAccount, secret: String, story: Article
    ) {
        let admin = try await store.accountActions(passwordCost: 4).create(
            email: "admin@example.com", name: "Admin", role: .admin, password: "correct horse battery", by: nil,
            now: TestSite.referenceNow)
        let (_, secret) = try await store.webhooks.add(
            url: "http://127.0.0.1:\(port)/hook", events: [.articlePublished], by: admin, now: TestSite.referenceNow)
        let story = try await store.articleActions.create(
            ArticleContent(slug: Slug(slug)!, headline: slug.capitalized, lede: "A story.", bodyMarkdown: ""),
            by: admin,
            now: TestSite.referenceNow)
        _ = try await store.articleActions.move(story.id, .publish, by: admin, now: TestSite.referenceNow)
        return (admin, secret, story)
    }

    @Test func signaturesAreHMACSHA256OfTheTimeAndBody() {
        let body = "{\"type\":\"article.published\"}"
        let header = WebhookSignature.header(secret: "topsecret", timestamp: 1_739_530_800, body: body)
        #expect(header == "t=1739530800,v1=" + "50f00d04fb15b67fa34e9c94378123f2dc1544b5a1bb772e21ea60fd06333a1b")
        #expect(WebhookSignature.verify(header: header, secret: "topsecret", body: body))
        #expect(!WebhookSignature.verify(header: header, secret: "other", body: body))
        #expect(!WebhookSignature.verify(header: header, secret: "topsecret", body: body + " "))
        let signedAt = Date(timeIntervalSince1970: 1_739_530_800)
        #expect(WebhookSignature.verify(header: header, secret: "topsecret", body: body, now: signedAt, tolerance: 300))
        #expect(
            !WebhookSignature.verify(
                header: header, secret: "topsecret", body: body, now: signedAt.addingTimeInterval(3_600), tolerance: 300
            ),
            "a replay an hour later")
    }

    @Test func privateAndSpecialAddressesAreKnown() throws {
        for address in [
            "127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1",
            "fd00::1", "fe80::1", "::ffff:10.0.0.1", "224.0.0.1", "fec0::1", "::10.0.0.1", "64:ff9b::a00:1",
            "2002:a00:1::1",
        ] {
            #expect(OutboundAddressPolicy.isSpecial(try SocketAddress(ipAddress: address, port: 80)), "\(address)")
        }
        for address in ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "8.8.8.8"] {
            #expect(!OutboundAddressPolicy.isSpecial(try SocketAddress(ipAddress: address, port: 80)), "\(address)")
        }
    }

    /// A story published while an endpoint listens; the receiver fails the first call.
    @Test func aDeliveryIsSignedRetriedAfterAFailureAndLogged() async throws {
        let receiver = WebhookReceiver(answers: [.internalServerError])
        try await receiver.run { port in
            try await FreshDatabase.with { store in
                try await TestSite.seedReference(store)
                let (_, secret, story) = try await Self.publishWithEndpoint(store, port: port, slug: "breaking")

                let now = Mutex(TestSite.referenceNow)
                let deliverer = WebhookDeliverer(
                    store: store, clock: NewsClock { now.withLock { $0 } }, allowPrivate: true, logger: testLogger)
                await deliverer.deliverDue()
                var log = try await store.webhooks.recentDeliveries(limit: 10)
                #expect(log.count == 1)
                #expect(log.first?.status == .pending)
                #expect(log.first?.attempts == 1)
                #expect(log.first?.lastStatus == 500)
                #expect(log.first?.nextAttemptAt == TestSite.referenceNow.addingTimeInterval(30))

                await deliverer.deliverDue()
                #expect(receiver.received.count == 1, "nothing is retried before its time")

                now.withLock { $0 = $0.addingTimeInterval(31) }
                // A deliverer made anew, as after a restart: the rows carry everything it needs.
                let restarted = WebhookDeliverer(
                    store: store, clock: NewsClock { now.withLock { $0 } }, allowPrivate: true, logger: testLogger)
                await restarted.deliverDue()
                log = try await store.webhooks.recentDeliveries(limit: 10)
                #expect(log.first?.status == .delivered)
                #expect(log.first?.attempts == 2)

                let calls = receiver.received
                #expect(calls.count == 2)
                let last = try #require(calls.last)
                let signature = try #require(last.headers[HTTPField.Name("Masthead-Signature")!])
                #expect(WebhookSignature.verify(header: signature, secret: secret, body: last.body))
                #expect(last.headers[HTTPField.Name("Masthead-Event")!] == "article.published")
                let payload = try #require(
                    try JSONSerialization.jsonObject(with: Data(last.body.utf8)) as? [String: Any])
                #expect(payload["type"] as? String == "article.published")
                #expect(payload["subjectId"] as? String == story.id.uuidString.lowercased())
            }
        }
    }

    @Test func aRedirectIsNeverFollowed() async throws {
        let receiver = WebhookReceiver(answers: [.temporaryRedirect])
        try await receiver.run { port in
            try await FreshDatabase.with { store in
                _ = try await Self.publishWithEndpoint(store, port: port, slug: "moved")
                await WebhookDeliverer(
                    store: store, clock: .fixed(TestSite.referenceNow), allowPrivate: true, logger: testLogger
                )
                .deliverDue()
                #expect(receiver.received.map(\.path) == ["/hook"])
                let log = try await store.webhooks.recentDeliveries(limit: 1)
                #expect(log.first?.lastStatus == 307)
                #expect(log.first?.status == .pending)
            }
        }
    }

    @Test func loopbackReceiversAreRefusedUnlessTheSiteAllowsThem() async throws {
        let receiver = WebhookReceiver(answers: [])
        try await receiver.run { port in
            try await FreshDatabase.with { store in
                _ = try await Self.publishWithEndpoint(store, port: port, slug: "quiet")
                await WebhookDeliverer(
                    store: store, clock: .fixed(TestSite.referenceNow), allowPrivate: false, logger: testLogger
                )
                .deliverDue()
                let log = try await store.webhooks.recentDeliveries(limit: 10)
                #expect(log.first?.lastError?.hasPrefix("refused: 127.0.0.1 resolves to 127.0.0.1") == true, "\(log)")
                #expect(receiver.received.isEmpty)
            }
        }
    }

    @Test func onlyAnAdminRegistersEndpointsAndTheSecretIsShownOnce() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            #expect(try await editor.get(NewsroomRoute.webhooks.path).status == .forbidden)
            var admin = NewsroomClient(client)
            try await admin.signIn(as: .admin)
            let bad = try await admin.post(
                NewsroomRoute.webhooks.path, [("url", "ftp://x"), ("events", "article.published")])
            #expect(bad.status == .unprocessableContent)
            let made = try await admin.post(
                NewsroomRoute.webhooks.path,
                [
                    ("url", "https://hooks.example.com/masthead"), ("events", "article.published"),
                    ("events", "article.corrected"),
                ])
            #expect(made.status == .created)
            #expect(made.text.contains("<code class=\"token\">"))
            let endpoints = try await store.webhooks.endpoints()
            #expect(endpoints.map(\.events) == [[.articlePublished, .articleCorrected]])
            #expect(!(try await admin.get(NewsroomRoute.webhooks.path).text.contains("<code class=\"token\">")))
        }
    }
}
