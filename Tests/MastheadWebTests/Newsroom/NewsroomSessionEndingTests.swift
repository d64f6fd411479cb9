import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// A newsroom account's sessions end together when its password or role changes, when it is removed,
/// and when its holder asks to sign out everywhere (issue 19, defect 6).
@Suite struct NewsroomSessionEndingTests {
    /// A browser of its own, signed in as `role`.
    static func browser(_ client: any TestClientProtocol, signedInAs role: Role) async throws -> NewsroomClient {
        var browser = NewsroomClient(client)
        try await browser.signIn(as: role)
        return browser
    }

    /// Whether this browser's session still opens the newsroom (a signed-out one is sent to sign in).
    static func isSignedIn(_ browser: NewsroomClient) async throws -> Bool {
        let dashboard = try await browser.get(NewsroomRoute.dashboard.path)
        if dashboard.status == .ok { return true }
        #expect(dashboard.status == .seeOther)
        #expect(dashboard.headers[.location]?.hasPrefix(NewsroomRoute.signIn.path) == true)
        return false
    }

    @Test func changingThePasswordEndsTheOtherSessionsAndKeepsThisBrowserSignedIn() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, _ in
            var laptop = try await Self.browser(client, signedInAs: .author)
            let phone = try await Self.browser(client, signedInAs: .author)
            let editor = try await Self.browser(client, signedInAs: .editor)
            #expect(try await Self.isSignedIn(phone))

            let changed = try await laptop.post(
                NewsroomRoute.password.path,
                [
                    ("current_password", NewsroomClient.password), ("new_password", "a brand new passphrase"),
                    ("confirm_password", "a brand new passphrase"),
                ])
            #expect(changed.status == .seeOther)
            let renewed = try #require(changed.cookie(named: "masthead_session"))
            #expect(renewed != laptop.session)

            #expect(try await !Self.isSignedIn(phone))
            let stalePost = try await phone.post(
                NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "X"))
            #expect(stalePost.status == .unauthorized)
            #expect(try await !Self.isSignedIn(laptop), "the laptop's old cookie ended with the rest")
            laptop.session = renewed
            #expect(try await Self.isSignedIn(laptop))
            let page = try await laptop.get(NewsroomRoute.password.path + "?done=password")
            #expect(page.text.contains("Password changed."))
            #expect(try await Self.isSignedIn(editor), "another account's sessions are not touched")

            var again = NewsroomClient(client)
            #expect(try await again.signIn(as: .author).status == .unprocessableContent)
            #expect(try await again.signIn(as: .author, password: "a brand new passphrase").status == .seeOther)
        }
    }

    @Test func changingARoleEndsThatAccountsSessions() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            let admin = try await Self.browser(client, signedInAs: .admin)
            let author = try await Self.browser(client, signedInAs: .author)
            let account = try #require(try await store.accounts.find(email: "author@example.com"))

            // The same role again changes nothing, so it ends nothing.
            let same = try await admin.post(NewsroomRoute.accountRole(account.id).path, [("role", "author")])
            #expect(same.status == .seeOther)
            #expect(try await Self.isSignedIn(author))

            let demoted = try await admin.post(NewsroomRoute.accountRole(account.id).path, [("role", "contributor")])
            #expect(demoted.status == .seeOther)
            #expect(try await !Self.isSignedIn(author))
            #expect(try await Self.isSignedIn(admin))
            #expect(try await store.accounts.find(id: account.id)?.role == .contributor)
        }
    }

    @Test func removingAnAccountEndsItsSessionsAndItsSignIn() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            let admin = try await Self.browser(client, signedInAs: .admin)
            let author = try await Self.browser(client, signedInAs: .author)
            let account = try #require(try await store.accounts.find(email: "author@example.com"))
            let me = try #require(try await store.accounts.find(email: "admin@example.com"))

            let page = try await admin.get(NewsroomRoute.accounts.path)
            #expect(page.text.contains(NewsroomRoute.removeAccount(account.id).path))
            #expect(!page.text.contains(NewsroomRoute.removeAccount(me.id).path), "no button to remove yourself")
            let refused = try await admin.post(NewsroomRoute.removeAccount(me.id).path, [])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("You cannot remove your own account; ask another admin."))
            let editor = try await Self.browser(client, signedInAs: .editor)
            let notAdmin = try await editor.post(NewsroomRoute.removeAccount(account.id).path, [])
            #expect(notAdmin.status == .forbidden)
            #expect(try await store.accounts.find(id: account.id) != nil)

            let removed = try await admin.post(NewsroomRoute.removeAccount(account.id).path, [])
            #expect(removed.status == .seeOther)
            #expect(try await store.accounts.find(id: account.id) == nil)
            #expect(try await !Self.isSignedIn(author))
            var again = NewsroomClient(client)
            #expect(try await again.signIn(as: .author).status == .unprocessableContent)
            #expect(try await Self.isSignedIn(admin))
        }
    }

    @Test func signingOutEverywhereEndsEverySessionOfTheAccount() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, _ in
            let laptop = try await Self.browser(client, signedInAs: .moderator)
            let phone = try await Self.browser(client, signedInAs: .moderator)
            let editor = try await Self.browser(client, signedInAs: .editor)

            let page = try await laptop.get(NewsroomRoute.password.path)
            #expect(page.text.contains("action=\"\(NewsroomRoute.signOutEverywhere.path)\""))
            let forged = try await laptop.post(NewsroomRoute.signOutEverywhere.path, [], token: "")
            #expect(forged.status == .forbidden)
            #expect(try await Self.isSignedIn(phone))

            let out = try await laptop.post(NewsroomRoute.signOutEverywhere.path, [])
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == NewsroomRoute.signIn.path)
            #expect(try await !Self.isSignedIn(laptop))
            #expect(try await !Self.isSignedIn(phone))
            #expect(try await Self.isSignedIn(editor))
        }
    }
}
