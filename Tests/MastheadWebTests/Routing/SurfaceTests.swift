import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Each surface (reader pages, newsroom, APIs, assets) shows its own errors, also for an address that
/// matched no route or that the router-wide path guard refused; security headers stay on all of them.
@Suite struct SurfaceTests {
    @Test(arguments: [
        ("/", Surface.reader), ("/articles/x", .reader), ("/api", .reader), ("/apis/v1", .reader),
        ("/newsroomx", .reader), ("/api/", .api), ("/api/v1/articles", .api), ("/api/v2", .api),
        ("/newsroom", .newsroom), ("/newsroom/", .newsroom), ("/newsroom/desk", .newsroom),
        ("/newsroom/assets/newsroom.css", .assets), ("/assets/masthead.css", .assets), ("/media/a.png", .assets),
    ])
    func anAddressBelongsToTheSurfaceItsPrefixNames(path: String, surface: Surface) {
        #expect(Surface(path: path) == surface)
    }

    @Test func anUnmatchedReaderAddressGetsTheThemesNotFoundPage() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            for path in ["/nowhere", "/api", "/assets/nowhere.css", "/media/nowhere.png"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
                #expect(response.text.contains("<title>Page not found"), "\(path)")
                #expect(response.headers[.contentSecurityPolicy] == SecurityHeaders.contentSecurityPolicy, "\(path)")
            }
        }
    }

    @Test func anUnmatchedNewsroomAddressGetsTheNewsroomsOwnPage() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let response = try await client.execute(uri: "/newsroom/nowhere", method: .get)
            #expect(response.status == .notFound)
            #expect(response.text.contains(NewsroomErrorMiddleware.explanation(.notFound)))
            #expect(!response.text.contains("<title>Page not found"))
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.xRobotsTag] == "noindex, nofollow")
            #expect(response.headers[.contentSecurityPolicy] == SecurityHeaders.contentSecurityPolicy)
        }
    }

    @Test func anUnmatchedAPIAddressGetsAJSONProblem() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            for path in ["/api/v1/nowhere", "/api/nowhere"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8", "\(path)")
                #expect(response.text == #"{"error":{"code":"not_found","message":"Not Found"}}"#, "\(path)")
                #expect(response.headers[.contentSecurityPolicy] == SecurityHeaders.contentSecurityPolicy, "\(path)")
            }
        }
    }

    @Test func theRouterWidePathGuardsRefusalIsShownByEachSurface() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let reader = try await client.execute(uri: "/articles/a%00", method: .get)
            #expect(reader.status == .badRequest)
            #expect(reader.headers[.contentType] == "text/html; charset=utf-8")
            #expect(reader.text.contains("<title>Bad Request"))

            let api = try await client.execute(uri: "/api/v1/articles%00", method: .get)
            #expect(api.status == .badRequest)
            #expect(api.text.hasPrefix(#"{"error":{"code":"bad_request""#))

            let newsroom = try await client.execute(uri: "/newsroom/desk%00", method: .get)
            #expect(newsroom.status == .badRequest)
            #expect(newsroom.headers[.cacheControl] == "no-store")
            #expect(newsroom.text.contains("no page on this site uses"))
            #expect(newsroom.text.contains(#"<body class="newsroom">"#))
            for response in [reader, api, newsroom] {
                #expect(response.headers[.contentSecurityPolicy] == SecurityHeaders.contentSecurityPolicy)
            }
        }
    }

    @Test func aNewsroomFormSentFromAnotherSiteIsRefusedOnANewsroomPage() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let response = try await client.execute(
                uri: NewsroomRoute.signIn.path, method: .post,
                headers: [.origin: "https://evil.example", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "email=a%40example.com&password=x"))
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Forms on this site can only be sent from this site."))
            #expect(response.headers[.cacheControl] == "no-store")
        }
    }

    @Test func theAPIStillTakesCrossSiteRequests() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let response = try await client.execute(
                uri: "/api/v1/admin/articles", method: .post,
                headers: [.origin: "https://evil.example", .contentType: "application/json"],
                body: ByteBuffer(string: "{}"))
            // Refused for want of a key, by the API itself, not by the forms' cross-site check.
            #expect(response.status == .unauthorized)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        }
    }
}
