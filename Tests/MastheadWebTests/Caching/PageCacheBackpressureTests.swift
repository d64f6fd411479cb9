import Foundation
import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTP1
import Testing

@testable import MastheadWeb

/// A page-cache hit is answered below Hummingbird only while the client takes what it is sent; a client
/// that pipelines requests and reads nothing gets Hummingbird's backpressure instead of a pile of answers
/// in the server's memory.
@Suite struct PageCacheBackpressureTests {
    @Test func aHitIsAnsweredInThePipelineOnlyWhileTheChannelIsWritable() throws {
        let cache = PageCache(capacity: 1_048_576, clock: .fixed(Date(timeIntervalSince1970: 1_739_530_800))) {
            TimeZone(identifier: "UTC")!
        }
        _ = cache.keep(
            path: "/", headers: [.contentType: "text/html; charset=utf-8"], body: ByteBuffer(string: "<p>Front</p>"),
            keys: ["site"], until: nil, since: cache.beginRender(),
            for: HTTPRequest(method: .get, scheme: "http", authority: "example.org", path: "/"))
        let channel = EmbeddedChannel(handler: PageCacheChannelHandler(cache: cache, serverName: nil))
        let request = HTTPRequestHead(version: .http1_1, method: .GET, uri: "/")

        try channel.writeInbound(HTTPServerRequestPart.head(request))
        try channel.writeInbound(HTTPServerRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == nil, "a hit is not passed on")
        guard case .head(let head)? = try channel.readOutbound(as: HTTPServerResponsePart.self) else {
            Issue.record("the hit was not answered")
            return
        }
        #expect(head.status == .ok)
        while try channel.readOutbound(as: HTTPServerResponsePart.self) != nil {}

        channel.isWritable = false
        try channel.writeInbound(HTTPServerRequestPart.head(request))
        try channel.writeInbound(HTTPServerRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == .head(request), "passed on to Hummingbird")
        #expect(try channel.readOutbound(as: HTTPServerResponsePart.self) == nil, "nothing written past the limit")
        _ = try channel.finish(acceptAlreadyClosed: true)
    }
}
