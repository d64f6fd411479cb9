import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// A reader's sessions end when they sign out, sign out everywhere or delete their account (issue 19).
@Suite struct ReaderSessionEndingTests {
    typealias Pages = ReaderAccountPagesTests

    /// Whether these cookies still open the account page (a signed-out browser is sent to sign in).
    static func isSignedIn(_ client: any TestClientProtocol, _ browser: TestReaders.Browser) async throws -> Bool {
        let page = try await client.execute(
            uri: ReaderRoute.account.path, method: .get, headers: [.cookie: browser.cookies])
        if page.status == .ok { return true }
        #expect(page.status == .seeOther)
        #expect(page.headers[.location]?.hasPrefix(ReaderRoute.signIn(next: nil).path) == true)
        return false
    }

    /// Posts a comment with these cookies and says whether it was stored as this reader's.
    static func posts(
        _ client: any TestClientProtocol, _ store: Store, as browser: TestReaders.Browser, _ body: String
    ) async throws -> Bool {
        let answer = try await CommentPostingTests.post(client, as: browser, body: body)
        let stored = try await store.comments.all(by: browser.reader.id).contains { $0.body == body }
        #expect((answer.status == .seeOther) == stored)
        return stored
    }

    @Test func aSignedOutCookieNeverSignsInAgain() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: TestSite.seedReference) { client, store in
            let browser = try await TestReaders.signedIn(client, store)
            #expect(try await Self.posts(client, store, as: browser, "Before signing out."))
            let out = try await Pages.submit(
                client, ReaderRoute.signOut.path, [("csrf_token", browser.token)], cookies: browser.cookies)
            #expect(out.status == .seeOther)
            #expect(out.headers[values: .setCookie].contains { $0.hasPrefix("masthead_reader=;") })
            // The browser dropped the cookie; someone who kept a copy replays it.
            #expect(try await !Self.isSignedIn(client, browser))
            #expect(try await !Self.posts(client, store, as: browser, "After signing out."))
        }
    }

    @Test func deletingTheAccountSignsOutItsOtherSessions() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: TestSite.seedReference) { client, store in
            let laptop = try await TestReaders.signedIn(client, store)
            let phone = try await TestReaders.signIn(client, email: "ola@example.com", reader: laptop.reader)
            #expect(phone.cookies != laptop.cookies)
            #expect(try await Self.posts(client, store, as: phone, "From my phone."))

            let deleted = try await Pages.submit(
                client, ReaderRoute.accountDelete.path, [("csrf_token", laptop.token), ("confirm", "delete")],
                cookies: laptop.cookies)
            #expect(deleted.status == .seeOther)
            #expect(try await !Self.isSignedIn(client, phone))
            #expect(try await !Self.posts(client, store, as: phone, "Still here?"))
            let sessions = try await store.sessions.get(
                key: ReaderSessions.storageKey(Self.session(in: phone)), now: TestSite.referenceNow)
            #expect(sessions == nil, "the session is gone, not only refused")
        }
    }

    @Test func signingOutEverywhereEndsEverySessionOfTheReader() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: TestSite.seedReference) { client, store in
            let laptop = try await TestReaders.signedIn(client, store)
            let phone = try await TestReaders.signIn(client, email: "ola@example.com", reader: laptop.reader)
            let piotr = try await TestReaders.signedIn(client, store, name: "Piotr", email: "piotr@example.com")

            let page = try await client.execute(
                uri: ReaderRoute.account.path, method: .get, headers: [.cookie: laptop.cookies])
            #expect(page.text.contains("action=\"\(ReaderRoute.signOutEverywhere.path)\""))
            let forged = try await Pages.submit(
                client, ReaderRoute.signOutEverywhere.path, [("csrf_token", "forged")], cookies: laptop.cookies)
            #expect(forged.status == .forbidden)
            #expect(try await Self.isSignedIn(client, phone))

            let out = try await Pages.submit(
                client, ReaderRoute.signOutEverywhere.path, [("csrf_token", laptop.token)], cookies: laptop.cookies)
            #expect(out.status == .seeOther)
            #expect(try await !Self.isSignedIn(client, laptop))
            #expect(try await !Self.isSignedIn(client, phone))
            #expect(try await !Self.posts(client, store, as: phone, "From my phone."))
            #expect(try await Self.isSignedIn(client, piotr))
        }
    }

    static func session(in browser: TestReaders.Browser) throws -> String {
        let pair = try #require(browser.cookies.split(separator: ";").first { $0.contains("masthead_reader=") })
        return String(pair.split(separator: "=", maxSplits: 1).last ?? "")
    }
}
