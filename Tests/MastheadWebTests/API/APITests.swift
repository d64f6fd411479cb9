import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Synchronization
import Testing

@testable import MastheadWeb

/// The Content API and the Admin API through the real router: JSON everywhere, bearer keys, the
/// newsroom's rules, idempotent creates.
@Suite struct APITests {
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func errorCode(_ response: TestResponse) throws -> String? {
        (try json(response)["error"] as? [String: Any])?["code"] as? String
    }

    /// Seeds the newsroom and makes one key per role; returns their tokens.
    static func seedKeys(_ store: Store) async throws -> [Role: String] {
        try await NewsroomClient.seedAccounts(store)
        var tokens: [Role: String] = [:]
        for role in Role.allCases {
            tokens[role] = try await store.apiKeys.create(
                name: "\(role.rawValue) script", role: role, by: nil, now: TestSite.referenceNow
            ).1
        }
        return tokens
    }

    static func call(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, token: String?,
        body: [String: Any]? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var buffer = ByteBuffer()
        if let body {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: buffer)
    }

    @Test func theContentAPIListsWhatReadersSeeWithCursors() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: TestSite.seedReference) { client, _ in
            let first = try await client.execute(uri: "/api/v1/articles?limit=4", method: .get)
            #expect(first.status == .ok)
            #expect(first.headers[.contentType] == "application/json; charset=utf-8")
            #expect(first.headers[.accessControlAllowOrigin] == "*")
            let page = try Self.json(first)
            let articles = try #require(page["articles"] as? [[String: Any]])
            #expect(articles.count == 4)
            #expect(articles[0]["slug"] as? String == "us-envoy-says-ukraine-nato-membership-still-possible")
            let next = try #require(page["next"] as? String)
            let second = try Self.json(
                try await client.execute(uri: "/api/v1/articles?limit=4&before=\(next)", method: .get))
            #expect((second["articles"] as? [[String: Any]])?.count == 2)
            #expect(second["next"] is NSNull)

            let story = try Self.json(
                try await client.execute(
                    uri: "/api/v1/articles/us-envoy-says-ukraine-nato-membership-still-possible", method: .get))
            #expect((story["bodyHTML"] as? String)?.contains("John Coale") == true)
            #expect(story["status"] == nil, "the Content API does not show workflow state")
            #expect(((story["authors"] as? [[String: Any]])?.first?["name"] as? String) == "Anna Kowalska")
            let topics = try Self.json(try await client.execute(uri: "/api/v1/topics", method: .get))
            #expect((topics["topics"] as? [[String: Any]])?.count == 4)
            let byTopic = try Self.json(
                try await client.execute(uri: "/api/v1/articles?topic=us-tariffs", method: .get))
            #expect((byTopic["articles"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func everyAPIErrorIsJSONNeverAPage() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: TestSite.seedReference) { client, _ in
            let cases: [(String, HTTPRequest.Method, HTTPResponse.Status, String)] = [
                ("/api/v1/articles/no-such-story", .get, .notFound, "not_found"),
                ("/api/v1/articles?limit=0", .get, .badRequest, "bad_request"),
                ("/api/v1/articles?before=garbage", .get, .badRequest, "bad_request"),
                ("/api/v1/nothing-here", .get, .notFound, "not_found"),
                ("/api/v1/articles", .delete, .methodNotAllowed, "method_not_allowed"),
                ("/api/v1/admin/articles", .post, .unauthorized, "unauthorized"),
                ("/api/v1/%00", .get, .badRequest, "bad_request"),
            ]
            for (path, method, status, code) in cases {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == status, "\(method) \(path)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8", "\(method) \(path)")
                #expect(try Self.errorCode(response) == code, "\(method) \(path)")
            }
        }
    }

    @Test func theAdminAPIWritesThroughTheNewsroomsRules() async throws {
        let tokens = Mutex<[Role: String]>([:])
        try await TestSite.run(
            config: NewsroomClient.config,
            seed: { store in
                tokens.withLock { $0 = [:] }; let made = try await Self.seedKeys(store); tokens.withLock { $0 = made }
            }
        ) { client, store in
            let keys = tokens.withLock { $0 }
            let unauthorized = try await Self.call(
                client, .get, "/api/v1/admin/articles/\(UUID())", token: "mh_" + String(repeating: "0", count: 64))
            #expect(unauthorized.status == .unauthorized)
            #expect(unauthorized.headers[.wwwAuthenticate] == "Bearer realm=\"masthead\"")

            let invalid = try await Self.call(
                client, .post, "/api/v1/admin/articles", token: keys[.editor],
                body: ["lede": "", "authors": ["Not A Slug"], "headline": ""])
            #expect(invalid.status == .unprocessableContent)
            let fields = try #require(
                (try Self.json(invalid)["error"] as? [String: Any])?["fields"] as? [String: String])
            #expect(Set(fields.keys) == ["headline", "lede", "authors"])

            let created = try await Self.call(
                client, .post, "/api/v1/admin/articles", token: keys[.contributor],
                body: [
                    "headline": "Archive: the 1989 round table", "lede": "From the archive.", "body": "Text.",
                    "topics": ["ukraine", "History"], "authors": ["anna-kowalska"],
                    "publishedAt": "1989-02-06T10:00:00Z",
                ])
            #expect(created.status == .created)
            let story = try Self.json(created)
            let id = try #require(story["id"] as? String)
            #expect(story["status"] as? String == "draft")
            #expect((story["topics"] as? [[String: Any]])?.count == 2)

            let refused = try await Self.call(
                client, .post, "/api/v1/admin/articles/\(id)/transitions", token: keys[.contributor],
                body: ["move": "publish"])
            #expect(refused.status == .forbidden)
            #expect(try await store.articles.find(id: UUID(uuidString: id)!)?.status == .draft)
            let peek = try await Self.call(client, .get, "/api/v1/admin/articles/\(id)", token: keys[.moderator])
            #expect(peek.status == .forbidden, "a moderator's key may not read drafts")
            let moderator = try await Self.call(
                client, .patch, "/api/v1/admin/articles/\(id)", token: keys[.moderator],
                body: ["version": 1, "lede": "x"])
            #expect(moderator.status == .forbidden)

            let published = try await Self.call(
                client, .post, "/api/v1/admin/articles/\(id)/transitions", token: keys[.editor],
                body: ["move": "publish"])
            #expect(published.status == .ok)
            #expect(
                try Self.json(published)["publishedAt"] as? String == "1989-02-06T10:00:00Z",
                "a back-filled date is kept")

            let saved = try await Self.call(
                client, .patch, "/api/v1/admin/articles/\(id)", token: keys[.editor],
                body: ["version": 1, "lede": "Revised."])
            #expect(saved.status == .ok)
            #expect(try Self.json(saved)["version"] as? Int == 2)
            let stale = try await Self.call(
                client, .patch, "/api/v1/admin/articles/\(id)", token: keys[.admin],
                body: ["version": 1, "lede": "Stale."])
            #expect(stale.status == .conflict)
            #expect(try Self.errorCode(stale) == "edit_conflict")
            #expect(try await store.articles.find(id: UUID(uuidString: id)!)?.lede == "Revised.")
            let events = try await store.events.all(about: UUID(uuidString: id)!).map(\.name)
            #expect(events.contains(.articlePublished) && events.contains(.articleCreated))
        }
    }

    @Test func aRetriedCreateWithTheSameIdempotencyKeyCreatesOnce() async throws {
        let tokens = Mutex<[Role: String]>([:])
        try await TestSite.run(
            config: NewsroomClient.config,
            seed: { store in
                let made = try await Self.seedKeys(store); tokens.withLock { $0 = made }
            }
        ) { client, store in
            let token = tokens.withLock { $0[.editor] }
            let body: [String: Any] = ["headline": "Once only", "lede": "Sent twice.", "authors": ["anna-kowalska"]]
            let first = try await Self.call(
                client, .post, "/api/v1/admin/articles", token: token, body: body, headers: [.idempotencyKey: "retry-1"]
            )
            let second = try await Self.call(
                client, .post, "/api/v1/admin/articles", token: token, body: body, headers: [.idempotencyKey: "retry-1"]
            )
            #expect(first.status == .created)
            #expect(second.status == .created)
            #expect(second.headers[.idempotentReplayed] == "true")
            #expect(try Self.json(first)["id"] as? String == (try Self.json(second)["id"] as? String))
            #expect(
                try await store.articles.desk(DeskQuery(status: .draft)).filter { $0.headline == "Once only" }.count
                    == 1)
            // Two retries at once: exactly one creates.
            func raced() async throws -> TestResponse {
                try await Self.call(
                    client, .post, "/api/v1/admin/articles", token: token,
                    body: ["headline": "Raced", "lede": "Sent in parallel.", "authors": ["anna-kowalska"]],
                    headers: [.idempotencyKey: "race-1"])
            }
            async let left = raced()
            async let right = raced()
            let statuses = Set([try await left.status, try await right.status])
            #expect(statuses.isSubset(of: [.created, .conflict]))
            #expect(statuses.contains(.created))
            #expect(
                try await store.articles.desk(DeskQuery(status: .draft)).filter { $0.headline == "Raced" }.count == 1)

            let other = try await Self.call(
                client, .post, "/api/v1/admin/articles", token: token, body: ["headline": "Else", "lede": "x"],
                headers: [.idempotencyKey: "retry-1"])
            #expect(other.status == .conflict)
            #expect(try Self.errorCode(other) == "idempotency_mismatch")
        }
    }

    @Test func topicsAuthorsCommentsAndRevokedKeys() async throws {
        let tokens = Mutex<[Role: String]>([:])
        try await TestSite.run(
            config: NewsroomClient.config,
            seed: { store in
                let made = try await Self.seedKeys(store)
                tokens.withLock { $0 = made }
            }
        ) { client, store in
            let keys = tokens.withLock { $0 }
            let topic = try await Self.call(
                client, .post, "/api/v1/admin/topics", token: keys[.editor], body: ["name": "Elections 2025"])
            #expect(topic.status == .created)
            #expect(try Self.json(topic)["slug"] as? String == "elections-2025")
            let author = try await Self.call(
                client, .post, "/api/v1/admin/authors", token: keys[.editor],
                body: ["name": "Jan Nowak", "bio": "Politics."])
            #expect(author.status == .created)
            let notEditor = try await Self.call(
                client, .post, "/api/v1/admin/authors", token: keys[.author], body: ["name": "X"])
            #expect(notEditor.status == .forbidden)

            let main = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            let comment = MastheadCore.Comment(
                id: UUID(), articleID: main.id, displayName: "Ola", body: "Spam?", status: .published,
                createdAt: TestSite.referenceNow)
            try await store.commentActions.add(comment)
            let hidden = try await Self.call(
                client, .post, "/api/v1/admin/comments/\(comment.id)/moderation", token: keys[.moderator],
                body: ["status": "hidden"])
            #expect(hidden.status == .ok)
            #expect(try await store.comments.slice(onArticle: main.id, order: .oldest).roots.isEmpty)
            let byAuthor = try await Self.call(
                client, .post, "/api/v1/admin/comments/\(comment.id)/moderation", token: keys[.author],
                body: ["status": "published"])
            #expect(byAuthor.status == .forbidden)

            let editorKey = try #require(try await store.apiKeys.all().first { $0.role == .editor })
            let admin = try #require(try await store.accounts.find(email: "admin@example.com"))
            try await store.apiKeys.revoke(editorKey.id, by: admin, now: TestSite.referenceNow)
            let revoked = try await Self.call(
                client, .post, "/api/v1/admin/topics", token: keys[.editor], body: ["name": "Late"])
            #expect(revoked.status == .unauthorized)
        }
    }

    @Test func theAPIIgnoresCookiesAndCrossSiteMarkers() async throws {
        let tokens = Mutex<[Role: String]>([:])
        try await TestSite.run(
            config: NewsroomClient.config,
            seed: { store in
                let made = try await Self.seedKeys(store); tokens.withLock { $0 = made }
            }
        ) { client, _ in
            let response = try await Self.call(
                client, .post, "/api/v1/admin/topics", token: tokens.withLock { $0[.editor] },
                body: ["name": "From an app"],
                headers: [.origin: "https://app.example", HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            #expect(response.status == .created)
        }
    }
}

@Suite struct ContentAPIExtrasTests {
    @Test func readNextCommentsSinceAndConditionalRequests() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: TestSite.seedReference) { client, store in
            let main = "/api/v1/articles/us-envoy-says-ukraine-nato-membership-still-possible"
            let readNext = try APITests.json(try await client.execute(uri: main + "/read-next", method: .get))
            #expect((readNext["articles"] as? [[String: Any]])?.count == 5)
            let article = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            try await store.commentActions.add(
                MastheadCore.Comment(
                    id: UUID(), articleID: article.id, displayName: "Ola", body: "<b>Hi</b> https://example.com",
                    status: .published, createdAt: TestSite.referenceNow))
            let comments = try APITests.json(try await client.execute(uri: main + "/comments", method: .get))
            let first = try #require((comments["comments"] as? [[String: Any]])?.first)
            #expect(
                (first["bodyHTML"] as? String)?.hasPrefix("<p>&lt;b&gt;Hi&lt;/b&gt; <a href=\"https://example.com\"")
                    == true)

            let recent = try APITests.json(
                try await client.execute(uri: "/api/v1/articles?since=2025-02-14T10:00:00Z", method: .get))
            #expect((recent["articles"] as? [[String: Any]])?.count == 3)
            let bad = try await client.execute(uri: "/api/v1/articles?since=yesterday", method: .get)
            #expect(bad.status == .badRequest)

            let listing = try await client.execute(uri: "/api/v1/topics", method: .get)
            let eTag = try #require(listing.headers[.eTag])
            #expect(listing.headers[.cacheControl] == "public, max-age=0, s-maxage=60, stale-while-revalidate=30")
            let again = try await client.execute(uri: "/api/v1/topics", method: .get, headers: [.ifNoneMatch: eTag])
            #expect(again.status == .notModified)
        }
    }
}
