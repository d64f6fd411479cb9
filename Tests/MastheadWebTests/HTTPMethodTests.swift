import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadTesting
import Testing

@testable import MastheadWeb

@Suite struct HTTPMethodTests {
    static let pages = ["/", ReferencePageTests.mainArticle, "/topics/ukraine", "/authors/anna-kowalska"]

    @Test func headAnswersLikeGetWithoutTheBody() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            for uri in Self.pages + ["/assets/masthead.css"] {
                let get = try await client.execute(uri: uri, method: .get)
                let head = try await client.execute(uri: uri, method: .head)
                #expect(get.status == .ok, "\(uri)")
                #expect(head.status == .ok, "\(uri)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(uri)")
                #expect(head.headers[.contentLength] == String(get.body.readableBytes), "\(uri)")
                #expect(head.body.readableBytes == 0, "\(uri)")
            }
            let missing = try await client.execute(uri: "/articles/no-such-story", method: .head)
            #expect(missing.status == .notFound)
        }
    }

    @Test func otherMethodsGet405WithTheMethodsThatWork() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            for uri in Self.pages + ["/assets/masthead.css"] {
                for method in [HTTPRequest.Method.put, .delete, .patch, .post] {
                    let response = try await client.execute(uri: uri, method: method)
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == "GET, HEAD, OPTIONS", "\(method) \(uri)")
                    #expect(response.headers[.contentSecurityPolicy] != nil)
                }
                let options = try await client.execute(uri: uri, method: .options)
                #expect(options.status == .noContent)
                #expect(options.headers[.allow] == "GET, HEAD, OPTIONS")
            }
            let comments = try await client.execute(uri: CommentPostingTests.action, method: .put)
            #expect(comments.status == .methodNotAllowed)
            #expect(comments.headers[.allow] == "GET, HEAD, POST, OPTIONS")
        }
    }

    @Test func theCommentFormsAddressOfAMissingStoryIsNotFound() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let response = try await client.execute(uri: "/articles/nope/comments", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.location] == nil)
            let real = try await client.execute(uri: CommentPostingTests.action, method: .get)
            #expect(real.status == .seeOther)
        }
    }
}
