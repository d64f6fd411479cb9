import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Reader accounts through their pages: sign up, the mailed link, sign in, download and delete.
@Suite struct ReaderAccountPagesTests {
    static let mailing = CommenterAccountActions.Mailing(siteName: "The Daily") {
        "http://127.0.0.1/account/verify/\($0)"
    }

    static func form(_ client: any TestClientProtocol, _ path: String) async throws -> (cookie: String, token: String) {
        let page = try await client.execute(uri: path, method: .get)
        #expect(page.status == .ok)
        let cookie = try #require(page.cookie(named: "masthead_csrf"))
        return (cookie, try #require(PageText.csrfField(page.text)))
    }

    static func submit(
        _ client: any TestClientProtocol, _ path: String, _ fields: [(String, String)], cookies: String
    ) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post,
            headers: [.cookie: cookies, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: formBody(fields)))
    }

    @Test func signingUpMailsASingleUseLinkThatConfirmsTheAddressWithAButton() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: TestSite.seedReference) { client, store in
            let (cookie, token) = try await Self.form(client, "/account/sign-up")
            let short = try await Self.submit(
                client, "/account/sign-up",
                [("csrf_token", token), ("display_name", "Ola"), ("email", "ola@example.com"), ("password", "short")],
                cookies: "masthead_csrf=\(cookie)")
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("value=\"ola@example.com\""))
            let signedUp = try await Self.submit(
                client, "/account/sign-up",
                [
                    ("csrf_token", token), ("display_name", "Ola"), ("email", "Ola@Example.com"),
                    ("password", "a long enough password"),
                ], cookies: "masthead_csrf=\(cookie)")
            #expect(signedUp.status == .ok)
            #expect(signedUp.text.contains("We sent a link to <strong>ola@example.com</strong>"))

            let mail = try #require(try await store.outbox.recent().first)
            let link = try #require(mail.body.split(separator: "\n").first { $0.contains("/account/verify/") })
            let path = String(link[link.range(of: "/account/verify/")!.lowerBound...])
            // Opening the link changes nothing: a mail scanner following it confirms no one.
            let opened = try await client.execute(uri: path, method: .get)
            #expect(opened.text.contains("Confirm my email address"))
            #expect(try await store.commenters.find(email: "ola@example.com")?.isVerified == false)
            let wrong = try await Self.submit(
                client, path, [("csrf_token", token), ("password", "a guess")], cookies: "masthead_csrf=\(cookie)")
            #expect(wrong.status == .unprocessableContent)
            #expect(try await store.commenters.find(email: "ola@example.com")?.isVerified == false)
            let confirmed = try await Self.submit(
                client, path, [("csrf_token", token), ("password", "a long enough password")],
                cookies: "masthead_csrf=\(cookie)")
            #expect(confirmed.status == .seeOther)
            #expect(try await store.commenters.find(email: "ola@example.com")?.isVerified == true)
            let again = try await Self.submit(
                client, path, [("csrf_token", token), ("password", "a long enough password")],
                cookies: "masthead_csrf=\(cookie)")
            #expect(again.status == .notFound)
            #expect(again.text.contains("used already"))
        }
    }

    @Test func anUnverifiedReaderIsAskedToConfirmAndKeepsTheirComment() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: TestSite.seedReference) { client, store in
            try await store.commenterAccountActions(passwordCost: 4).register(
                ReaderRegistration(displayName: "Ola", email: "ola@example.com", password: TestReaders.password),
                requester: "a reader", mailing: ReaderAccountPagesTests.mailing, now: TestSite.referenceNow)
            let reader = try #require(try await store.commenters.find(email: "ola@example.com"))
            let browser = try await TestReaders.signIn(client, email: "ola@example.com", reader: reader)
            let refused = try await CommentPostingTests.post(client, as: browser, body: "My first words.")
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("Please confirm your email address first"))
            #expect(refused.text.contains("My first words.</textarea>"))
        }
    }

    @Test func aReaderDownloadsTheirCommentsAndDeletesTheirAccount() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: TestSite.seedReference) { client, store in
            let browser = try await TestReaders.signedIn(client, store)
            let posted = try await CommentPostingTests.post(client, as: browser, body: "Mine, <all> mine.")
            #expect(posted.status == .seeOther)
            let download = try await client.execute(
                uri: "/account/comments.json", method: .get, headers: [.cookie: browser.cookies])
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"my-comments.json\"")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(download.text.utf8)) as? [String: Any])
            #expect((json["comments"] as? [[String: Any]])?.first?["body"] as? String == "Mine, <all> mine.")
            #expect(try await client.execute(uri: "/account/comments.json", method: .get).status == .unauthorized)

            let unconfirmed = try await Self.submit(
                client, "/account/delete", [("csrf_token", browser.token), ("confirm", "yes")], cookies: browser.cookies
            )
            #expect(unconfirmed.status == .unprocessableContent)
            let deleted = try await Self.submit(
                client, "/account/delete", [("csrf_token", browser.token), ("confirm", "delete")],
                cookies: browser.cookies)
            #expect(deleted.status == .seeOther)
            let page = try await client.execute(uri: CommentPostingTests.article, method: .get).text
            #expect(page.contains("<span class=\"comment__author\">deleted</span>"))
            #expect(page.contains("This comment was deleted."))
            #expect(!page.contains("Mine, &lt;all&gt; mine."))
        }
    }

    @Test func signingInIsThrottledAndWrongPasswordsSayNothingAboutTheAccount() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: TestSite.seedReference) { client, store in
            _ = try await store.commenterAccountActions(passwordCost: 4).createVerified(
                displayName: "Ola", email: "ola@example.com", password: TestReaders.password, now: TestSite.referenceNow
            )
            let (cookie, token) = try await Self.form(client, "/account/sign-in")
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<6 {
                let wrong = try await Self.submit(
                    client, "/account/sign-in",
                    [("csrf_token", token), ("email", "ola@example.com"), ("password", "not the password")],
                    cookies: "masthead_csrf=\(cookie)")
                statuses.append(wrong.status)
                if wrong.status == .unprocessableContent {
                    #expect(wrong.text.contains("That email and password do not match an account."))
                }
            }
            #expect(statuses == Array(repeating: .unprocessableContent, count: 5) + [.tooManyRequests])
            // One address may fail fifty times in the window, on any accounts, before it is stopped.
            for index in 6...50 {
                let other = try await Self.submit(
                    client, "/account/sign-in",
                    [("csrf_token", token), ("email", "reader\(index)@example.com"), ("password", "not it")],
                    cookies: "masthead_csrf=\(cookie)")
                #expect(other.status == .unprocessableContent)
            }
            let elsewhere = try await Self.submit(
                client, "/account/sign-in?next=//evil.example",
                [
                    ("csrf_token", token), ("email", "nobody@example.com"), ("password", "x"),
                    ("next", "//evil.example"),
                ],
                cookies: "masthead_csrf=\(cookie)")
            #expect(elsewhere.status == .tooManyRequests)
            #expect(elsewhere.headers[.retryAfter] == "900")
            #expect(elsewhere.text.contains("Too many failed sign-ins. Please wait"))
            #expect(elsewhere.text.contains("value=\"nobody@example.com\""), "the form keeps what was typed")
        }
    }
}
