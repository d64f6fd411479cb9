import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Signing in, sessions, the throttle, CSRF, and what each role may open.
@Suite struct NewsroomAccessTests {
    @Test func signingInStartsASessionWithAProtectedCookie() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, _ in
            var newsroom = NewsroomClient(client)
            let response = try await newsroom.signIn(as: .editor)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/newsroom")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("masthead_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            let dashboard = try await newsroom.get("/newsroom")
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("Signed in as Editor, editor."))
            #expect(dashboard.headers[.cacheControl] == "no-store")
            #expect(dashboard.headers[HTTPField.Name("X-Robots-Tag")!] == "noindex, nofollow")
            #expect(dashboard.text.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))

            let signedOut = try await newsroom.post(NewsroomRoute.signOut.path, [])
            #expect(signedOut.status == .seeOther)
            #expect(try await newsroom.get("/newsroom").status == .seeOther, "the old session no longer works")
        }
    }

    @Test func onHTTPSTheSessionCookieIsSecureAndHostBound() async throws {
        try await TestSite.run(
            config: {
                var config = NewsroomClient.config($0)
                config.baseURL = "https://news.example.com"
                return config
            },
            seed: NewsroomClient.seedAccounts
        ) { client, _ in
            let form = try await client.execute(uri: NewsroomRoute.signIn.path, method: .get)
            let csrf = try #require(form.cookie(named: "__Host-masthead_csrf"))
            let token = try #require(PageText.csrfField(form.text))
            let response = try await client.execute(
                uri: NewsroomRoute.signIn.path, method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "__Host-masthead_csrf=\(csrf)"],
                body: ByteBuffer(
                    string: formBody([
                        ("email", "admin@example.com"), ("password", NewsroomClient.password), ("csrf_token", token),
                    ])))
            let cookie = try #require(
                response.headers[values: .setCookie].first { $0.hasPrefix("__Host-masthead_session=") })
            #expect(cookie.contains("Secure"))
            #expect(cookie.contains("HttpOnly"))
        }
    }

    @Test func withoutASessionPagesSendYouToSignInAndFormsChangeNothing() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            let newsroom = NewsroomClient(client)
            let page = try await newsroom.get("/newsroom/stories")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/newsroom/sign-in?next=/newsroom/stories")
            let post = try await newsroom.post(
                NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "Sneaked in"), token: "x")
            #expect(post.status == .unauthorized)
            #expect(try await store.articles.find(slug: Slug("sneaked-in")!) == nil)
        }
    }

    @Test func fiveFailuresThrottleAnAccountAndAnUnknownOneAlikeButNotTheirAddress() async throws {
        try await TestSite.run(
            config: {
                var config = NewsroomClient.config($0)
                config.clientAddressHeader = "X-Forwarded-For"
                return config
            },
            seed: NewsroomClient.seedAccounts
        ) { client, _ in
            let newsroom = NewsroomClient(client)
            func attempt(_ email: String, _ password: String, from address: String) async throws -> TestResponse {
                try await newsroom.attemptSignIn(
                    email: email, password: password, headers: [HTTPField.Name("X-Forwarded-For")!: address])
            }
            var answers: [String] = []
            for (index, email) in ["editor@example.com", "nobody@example.com"].enumerated() {
                // Each failure from a different address: only the account's own count can stop the sixth.
                for attemptNumber in 1...5 {
                    let wrong = try await attempt(email, "wrong password!", from: "198.51.\(index).\(attemptNumber)")
                    #expect(wrong.status == .unprocessableContent)
                    #expect(wrong.text.contains("That email and password do not match an account."))
                }
                let throttled = try await attempt(email, NewsroomClient.password, from: "198.51.\(index).99")
                #expect(throttled.status == .tooManyRequests, "\(email)")
                #expect(throttled.headers[.retryAfter] == "900", "\(email)")
                #expect(throttled.cookie(named: "masthead_session") == nil)
                let token = PageText.csrfField(throttled.text) ?? ""
                answers.append(
                    throttled.text.replacingOccurrences(of: email, with: "EMAIL").replacingOccurrences(
                        of: token, with: "T"))
            }
            #expect(answers[0] == answers[1], "a throttled unknown account looks like a throttled real one")
            #expect(answers[0].contains("Too many failed sign-ins. Please wait 15 minutes"))

            // Five people's typos behind one office address shut none of its other accounts: an address
            // has a far larger allowance than an account.
            for email in ["contributor", "moderator", "admin", "someone", "anyone"].map({ "\($0)@example.com" }) {
                let wrong = try await attempt(email, "wrong password!", from: "203.0.113.7")
                #expect(wrong.status == .unprocessableContent)
            }
            let fromThatAddress = try await attempt("author@example.com", NewsroomClient.password, from: "203.0.113.7")
            #expect(fromThatAddress.status == .seeOther)
        }
    }

    @Test func aNewsroomFormWithoutThisSessionsTokenIsRefusedAndChangesNothing() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var newsroom = NewsroomClient(client)
            try await newsroom.signIn(as: .editor)
            for token in ["", String(repeating: "a", count: 64)] {
                let refused = try await newsroom.post(
                    NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "Forged"), token: token)
                #expect(refused.status == .forbidden)
                #expect(refused.text.contains("This form had expired, so nothing was changed."))
            }
            #expect(try await store.articles.find(slug: Slug("forged")!) == nil)
            let crossSite = try await client.execute(
                uri: NewsroomRoute.newArticle.path, method: .post,
                headers: [
                    .contentType: "application/x-www-form-urlencoded", .cookie: "masthead_session=\(newsroom.session!)",
                    .origin: "https://evil.example",
                ],
                body: ByteBuffer(
                    string: formBody(NewsroomClient.storyFields(headline: "Forged") + [("csrf_token", newsroom.token!)])
                ))
            #expect(crossSite.status == .forbidden)
            #expect(try await store.articles.find(slug: Slug("forged")!) == nil)
        }
    }

    @Test func eachRoleOpensOnlyWhatItMay() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, _ in
            let expectations: [Role: [String: HTTPResponse.Status]] = [
                .contributor: [
                    "/newsroom/stories": .ok, "/newsroom/accounts": .forbidden, "/newsroom/settings": .forbidden,
                ],
                .moderator: [
                    "/newsroom/stories": .forbidden, "/newsroom/stories/new": .forbidden,
                    "/newsroom/accounts": .forbidden,
                ],
                .editor: ["/newsroom/stories/new": .ok, "/newsroom/accounts": .forbidden, "/newsroom/topics": .ok],
                .admin: ["/newsroom/accounts": .ok, "/newsroom/settings": .ok],
            ]
            for (role, pages) in expectations {
                var newsroom = NewsroomClient(client)
                try await newsroom.signIn(as: role)
                for (path, status) in pages {
                    #expect(try await newsroom.get(path).status == status, "\(role) \(path)")
                }
            }
        }
    }

    /// Each nav link asks its own page's rule: a role is offered exactly the pages it may open (an
    /// admin is offered every one), and only a role that writes stories may use the live preview.
    @Test(arguments: Role.allCases)
    func theNavOffersExactlyThePagesThatOpen(role: Role) async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            let accounts = try await store.accounts.all()
            func nav(_ role: Role) throws -> [String] {
                let account = try #require(accounts.first { $0.role == role })
                return NewsroomLayout(
                    title: "", siteName: "", account: account, csrfToken: "", notice: nil, stylesheetURL: "",
                    scriptURL: ""
                ).nav.map(\.url)
            }
            let offered = Set(try nav(role))
            var newsroom = NewsroomClient(client)
            try await newsroom.signIn(as: role)
            for path in try nav(.admin) {
                let status = try await newsroom.get(path).status
                #expect((status == .ok) == offered.contains(path), "\(role) \(path): \(status)")
                #expect(status == .ok || status == .forbidden, "\(role) \(path): \(status)")
            }
            let preview = try await newsroom.post(NewsroomRoute.preview.path, [("body", "Hello")])
            #expect(preview.status == (role == .moderator ? .forbidden : .ok), "\(role) previews")
        }
    }

    @Test func anAdminManagesAccountsAndEveryoneTheirPassword() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var admin = NewsroomClient(client)
            try await admin.signIn(as: .admin)
            let created = try await admin.post(
                NewsroomRoute.accounts.path,
                [("name", "New Writer"), ("email", "new@example.com"), ("role", "author"), ("password", "short")])
            #expect(created.status == .unprocessableContent)
            #expect(created.text.contains("Passwords need at least 12 characters."))
            #expect(created.text.contains("value=\"new@example.com\""))
            let made = try await admin.post(
                NewsroomRoute.accounts.path,
                [
                    ("name", "New Writer"), ("email", "new@example.com"), ("role", "author"),
                    ("password", "a long password"),
                ])
            #expect(made.status == .seeOther)
            let account = try #require(try await store.accounts.find(email: "new@example.com"))
            #expect(account.role == .author)
            _ = try await admin.post(NewsroomRoute.accountRole(account.id).path, [("role", "editor")])
            #expect(try await store.accounts.find(id: account.id)?.role == .editor)

            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let refused = try await editor.post(NewsroomRoute.accountRole(account.id).path, [("role", "admin")])
            #expect(refused.status == .forbidden)
            #expect(try await store.accounts.find(id: account.id)?.role == .editor)

            let changed = try await editor.post(
                NewsroomRoute.password.path,
                [
                    ("current_password", NewsroomClient.password), ("new_password", "another long one"),
                    ("confirm_password", "another long one"),
                ])
            #expect(changed.status == .seeOther)
            #expect(
                try await editor.attemptSignIn(email: "editor@example.com", password: "another long one").status
                    == .seeOther)
        }
    }

    @Test func settingsChangeWhileTheServerRuns() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, _ in
            var admin = NewsroomClient(client)
            try await admin.signIn(as: .admin)
            let saved = try await admin.post(
                NewsroomRoute.settings.path,
                [
                    ("name", "The Evening Masthead"), ("base_url", "https://evening.example"),
                    ("time_zone", "Europe/Warsaw"),
                    ("language", "pl"),
                ])
            #expect(saved.status == .seeOther)
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(home.contains("The Evening Masthead"))
            #expect(home.contains("<html lang=\"pl\">"))
            let bad = try await admin.post(
                NewsroomRoute.settings.path,
                [("name", ""), ("base_url", "ftp://x/"), ("time_zone", "Mars/Base"), ("language", "en")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("“Mars/Base” is not a time zone"))
        }
    }
}
