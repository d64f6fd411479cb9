import AsyncHTTPClient
import Foundation
import Logging
import MastheadCore
import MastheadStore
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// Sends due webhook deliveries every few seconds while the server runs: each a signed POST, with
/// the result recorded so failures are retried with backoff (``WebhookEndpoint/retryDelays``) and
/// shown in the newsroom's delivery log. Deliveries are rows in the database, so a restart only
/// delays them.
struct WebhookDeliverer: Service {
    let store: Store
    let clock: NewsClock
    let allowPrivate: Bool
    let logger: Logger

    static let timeout: TimeAmount = .seconds(10)
    static let batch = 50

    func run() async throws {
        while await pauseUnlessShuttingDown(for: .seconds(5)) {
            await deliverDue()
        }
    }

    /// One pass over the deliveries due now. The client never follows redirects: the address policy
    /// checked the endpoint's host, and a redirect could lead anywhere, a cloud metadata service
    /// included. It lives for one pass so nothing outlives the service.
    func deliverDue() async {
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        await deliverDue(with: client)
        try? await client.shutdown()
    }

    private func deliverDue(with client: HTTPClient) async {
        do {
            for (delivery, secret) in try await store.webhooks.due(now: clock.now, limit: Self.batch) {
                let (status, error) = await send(delivery, secret: secret, client: client)
                try await store.webhooks.recordAttempt(delivery.id, status: status, error: error, now: clock.now)
                if let error { logger.info("Webhook \(delivery.eventName) to \(delivery.url) not delivered: \(error)") }
            }
        } catch {
            logger.error("Webhook deliveries could not be read: \(String(reflecting: error))")
        }
    }

    private func send(_ delivery: WebhookDelivery, secret: String, client: HTTPClient) async -> (Int?, String?) {
        guard let url = URL(string: delivery.url) else { return (nil, "the address is not a URL") }
        if let refusal = await OutboundAddressPolicy.refusal(for: url, allowPrivate: allowPrivate) {
            return (nil, "refused: \(refusal)")
        }
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Masthead-Webhooks/1")
        request.headers.add(name: "Masthead-Event", value: delivery.eventName)
        request.headers.add(name: "Masthead-Delivery", value: delivery.id.lowercasedString)
        request.headers.add(
            name: "Masthead-Signature",
            value: WebhookSignature.header(
                secret: secret, timestamp: Int(clock.now.timeIntervalSince1970), body: delivery.payload))
        request.body = .bytes(ByteBuffer(string: delivery.payload))
        do {
            let response = try await client.execute(request, timeout: Self.timeout)
            let status = Int(response.status.code)
            return (status, (200..<300).contains(status) ? nil : "the endpoint answered \(status)")
        } catch {
            return (nil, "the call failed: \(error)")
        }
    }
}
