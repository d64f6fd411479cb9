import Foundation
import MastheadCore
import MastheadStore
import Synchronization

/// What `/metrics` reports, in Prometheus's text format: requests by route and status, their latency,
/// and the comments written by outcome. Routes are the router's patterns (`/articles/{slug}`), never raw
/// paths, so the number of series stays bounded whatever a stranger requests.
final class Metrics: Sendable {
    /// Latency bucket bounds, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct Latency {
        var counts = [Int](repeating: 0, count: Metrics.buckets.count)
        var sum = 0.0
        var total = 0
    }

    private struct State {
        var requests: [String: [Int: Int]] = [:]
        var latency: [String: Latency] = [:]
        var comments: [String: Int] = [:]
    }

    private let state = Mutex(State())
    private let pageCache: PageCache
    /// The primary's connections, and the replica's when reads go to one.
    private let databases: [(name: String, meter: DatabaseMeter)]

    init(store: Store, replica: Store? = nil, pageCache: PageCache) {
        self.pageCache = pageCache
        databases = [("primary", store.meter)] + (replica.map { [("replica", $0.meter)] } ?? [])
        store.changeFeed.subscribe(name: "metrics") { [self] event in
            let outcome: String
            switch event.name {
            case .commentPublished: outcome = "published"
            case .commentHeld: outcome = "held"
            case .commentRejected: outcome = "rejected"
            default: return
            }
            state.withLock { $0.comments[outcome, default: 0] += 1 }
        }
    }

    func record(route: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[route, default: [:]][status, default: 0] += 1
            var latency = state.latency[route] ?? Latency()
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { latency.counts[index] += 1 }
            latency.sum += seconds
            latency.total += 1
            state.latency[route] = latency
        }
    }

    func render(liveStreams: Int, liveLimit: Int) -> String {
        let state = state.withLock { $0 }
        var lines = [
            "# HELP masthead_http_requests_total Requests answered, by route pattern and status.",
            "# TYPE masthead_http_requests_total counter",
        ]
        for route in state.requests.keys.sorted() {
            for (status, count) in state.requests[route, default: [:]].sorted(by: { $0.key < $1.key }) {
                lines.append(
                    "masthead_http_requests_total{route=\"\(Self.label(route))\",status=\"\(status)\"} \(count)")
            }
        }
        lines += [
            "# HELP masthead_http_request_duration_seconds Time to answer, by route pattern.",
            "# TYPE masthead_http_request_duration_seconds histogram",
        ]
        for route in state.latency.keys.sorted() {
            guard let latency = state.latency[route] else { continue }
            let name = Self.label(route)
            for (index, bound) in Self.buckets.enumerated() {
                lines.append(
                    "masthead_http_request_duration_seconds_bucket{route=\"\(name)\",le=\"\(bound)\"} \(latency.counts[index])"
                )
            }
            lines.append(
                "masthead_http_request_duration_seconds_bucket{route=\"\(name)\",le=\"+Inf\"} \(latency.total)")
            lines.append("masthead_http_request_duration_seconds_sum{route=\"\(name)\"} \(latency.sum)")
            lines.append("masthead_http_request_duration_seconds_count{route=\"\(name)\"} \(latency.total)")
        }
        lines += [
            "# HELP masthead_comments_total Comments written, by what the moderation pipeline or a moderator decided.",
            "# TYPE masthead_comments_total counter",
        ]
        for outcome in ["published", "held", "rejected"] {
            lines.append("masthead_comments_total{outcome=\"\(outcome)\"} \(state.comments[outcome] ?? 0)")
        }
        lines += [
            "# HELP masthead_live_streams Live comment streams open on this node.",
            "# TYPE masthead_live_streams gauge",
            "masthead_live_streams \(liveStreams)",
            "# HELP masthead_live_streams_limit The most live comment streams this node keeps open.",
            "# TYPE masthead_live_streams_limit gauge",
            "masthead_live_streams_limit \(liveLimit)",
            "# HELP masthead_page_cache_requests_total Reader requests the page cache could answer, by result.",
            "# TYPE masthead_page_cache_requests_total counter",
            "masthead_page_cache_requests_total{result=\"hit\"} \(pageCache.hits)",
            "masthead_page_cache_requests_total{result=\"miss\"} \(pageCache.misses)",
            "# HELP masthead_page_cache_bytes Bytes of pages the cache holds, gzipped copies included.",
            "# TYPE masthead_page_cache_bytes gauge",
            "masthead_page_cache_bytes \(pageCache.bytes)",
            "# HELP masthead_page_cache_entries Pages the cache holds.",
            "# TYPE masthead_page_cache_entries gauge",
            "masthead_page_cache_entries \(pageCache.entryCount)",
            "# HELP masthead_db_pool_connections Connections the node's database pool may open.",
            "# TYPE masthead_db_pool_connections gauge",
        ]
        lines += databases.map { "masthead_db_pool_connections{database=\"\($0.name)\"} \($0.meter.capacity)" }
        lines += [
            "# HELP masthead_db_pool_busy Statements, transactions and sessions holding or waiting for a connection now; above the pool's size, requests queue.",
            "# TYPE masthead_db_pool_busy gauge",
        ]
        lines += databases.map { "masthead_db_pool_busy{database=\"\($0.name)\"} \($0.meter.busy)" }
        lines += [
            "# HELP masthead_db_pool_busy_seconds_total Seconds of connection use, waits included: its rate over the pool's size is the pool's utilisation.",
            "# TYPE masthead_db_pool_busy_seconds_total counter",
        ]
        lines += databases.map {
            "masthead_db_pool_busy_seconds_total{database=\"\($0.name)\"} \($0.meter.busySeconds)"
        }
        lines += [
            "# HELP masthead_db_operations_total Statements, transactions and sessions run.",
            "# TYPE masthead_db_operations_total counter",
        ]
        lines += databases.map { "masthead_db_operations_total{database=\"\($0.name)\"} \($0.meter.operations)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A label value as the text format requires: backslash, quote and newline escaped.
    static func label(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
