import Foundation
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Every page template, rendered with real content, checked by the Nu HTML Checker (the W3C's
/// validator). The checker comes from `shared/tools/install-validators.sh`, which the README's test
/// command runs when it is missing; `VNU_JAR` points at it.
@Suite struct HTMLValidityTests {
    @Test func everyReaderPageIsValidHTML5() async throws {
        let jar = try #require(
            Self.vnuJar(),
            "The Nu HTML Checker is missing: run scripts/test.sh, or bash ../shared/tools/install-validators.sh")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vnu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            var pages: [(String, String)] = []
            for uri in [
                "/", "/topics/us-tariffs", "/authors/anna-kowalska", "/no-such-page", ReferencePageTests.mainArticle,
                "/search?q=Hegseth", "/search?q=%22unbalanced", "/search",
                "/search?q=Trump&topic=ukraine&from=2025-02-14",
                "/people/john-coale", "/places/ukraine",
            ] {
                pages.append((uri, try await client.execute(uri: uri, method: .get).text))
            }
            let (cookie, token) = try await CommentPostingTests.openForm(client)
            let refused = try await CommentPostingTests.post(
                client, name: "Ola", body: "", token: token, cookie: cookie)
            pages.append(("refused comment", refused.text))
            _ = try await CommentPostingTests.post(
                client, name: "Ola <b>", body: "First line\nsecond https://example.com\n\nNew paragraph", token: token,
                cookie: cookie)
            pages.append(
                ("with comments", try await client.execute(uri: ReferencePageTests.mainArticle, method: .get).text))
            try await CommentPostingTests.approveAll(store)
            let reader = try await TestReaders.signedIn(client, store)
            let root = try ConversationPageTests.id(
                try await CommentPostingTests.post(client, as: reader, body: "A root comment."))
            let reply = try ConversationPageTests.id(
                try await CommentPostingTests.post(client, as: reader, body: "A reply.", parent: root))
            _ = try await CommentPostingTests.post(client, as: reader, body: "Deeper.", parent: reply)
            _ = try await CommentPostingTests.post(client, as: reader, body: "A scam https://spam.example")
            let moderator = try await store.accountActions(passwordCost: 4).create(
                email: "valid@example.com", name: "V", role: .moderator, password: "a long moderator password",
                by: nil, now: TestSite.referenceNow)
            _ = try await store.moderationActions.decide(
                .feature, on: [root], note: "", by: moderator, now: TestSite.referenceNow)
            let article = ReferencePageTests.mainArticle
            let rootPath = article + "/comments/\(root.uuidString.lowercased())"
            for (name, uri) in [
                ("article as a reader", article), ("sorted", article + "?sort=liked"), ("thread", rootPath),
                ("edit", rootPath + "/edit"), ("report", rootPath + "/report"), ("account", "/account"),
                ("sign-in", "/account/sign-in?next=/"), ("sign-up", "/account/sign-up"),
                ("verify", "/account/verify/abc"),
            ] {
                pages.append(
                    (name, try await client.execute(uri: uri, method: .get, headers: [.cookie: reader.cookies]).text))
            }
            let signUp = try await ReaderAccountPagesTests.submit(
                client, "/account/sign-up",
                [
                    ("csrf_token", reader.token), ("display_name", "New"), ("email", "new@example.com"),
                    ("password", "x"),
                ],
                cookies: reader.cookies)
            pages.append(("refused sign-up", signUp.text))

            var files: [String: String] = [:]
            for (index, (name, html)) in pages.enumerated() {
                let file = folder.appendingPathComponent("page-\(index).html")
                try html.write(to: file, atomically: true, encoding: .utf8)
                files[file.path] = name
            }
            let messages = try Self.validate(files: files.keys.sorted(), jar: jar)
            for message in messages {
                Issue.record("\(files[message.file] ?? message.file): \(message.text)")
            }
        }
    }

    @Test func everyNewsroomPageIsValidHTML5() async throws {
        let jar = try #require(Self.vnuJar(), "The Nu HTML Checker is missing: run scripts/test.sh")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vnu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var pages: [(String, String)] = [
                ("sign-in", try await client.execute(uri: NewsroomRoute.signIn.path, method: .get).text)
            ]
            var admin = NewsroomClient(client)
            try await admin.signIn(as: .admin)
            let main = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            let author = try #require(try await store.authors.find(slug: Slug("anna-kowalska")!))
            _ = try await admin.post(NewsroomRoute.articleCorrections(main.id).path, [("text", "A correction.")])
            _ = try await admin.upload(
                NewsroomRoute.articleImage(main.id).path, file: FeatureImageTests.png, fileName: "a.png",
                fields: [("alt", "A picture"), ("caption", "Caption."), ("credit", "Credit"), ("version", "1")])
            #expect(try await store.articles.find(id: main.id)?.content.image != nil)
            let revision = try #require(try await store.revisions.all(ofArticle: main.id).first)
            let commenter = try await TestReaders.signedIn(client, store)
            let held = try await CommentPostingTests.post(client, as: commenter, body: "Buy https://spam.example")
            #expect(held.status == .seeOther)
            try await ModerationScreenTests.guestComments(client, ["A guest's <b>view</b>."])
            try await store.commenterAccountActions(passwordCost: 4).register(
                ReaderRegistration(displayName: "Ola", email: "ola@example.com", password: "a long enough password"),
                requester: "a reader", mailing: ReaderAccountPagesTests.mailing, now: TestSite.referenceNow)
            for path in [
                NewsroomRoute.dashboard.path, NewsroomRoute.articles().path, NewsroomRoute.newArticle.path,
                NewsroomRoute.article(main.id).path, NewsroomRoute.revisions(main.id).path,
                NewsroomRoute.revision(main.id, revision.id).path, NewsroomRoute.topics.path,
                NewsroomRoute.authors.path, NewsroomRoute.author(author.id).path, NewsroomRoute.accounts.path,
                NewsroomRoute.password.path, NewsroomRoute.settings.path, NewsroomRoute.apiKeys.path,
                NewsroomRoute.webhooks.path, NewsroomRoute.entities.path, NewsroomRoute.moderationQueue.path,
                NewsroomRoute.queue(.reported).path, NewsroomRoute.queue(.rejected).path,
                NewsroomRoute.moderationLog.path, NewsroomRoute.commentSettings.path, NewsroomRoute.outbox.path,
                NewsroomRoute.commenter(commenter.reader.id).path, "/newsroom/no-such-page",
            ] {
                pages.append((path, try await admin.get(path).text))
            }
            pages.append(
                (
                    "preview",
                    try await admin.post(
                        NewsroomRoute.newArticle.path,
                        NewsroomClient.storyFields(headline: "", body: "# Title\n\n*x*", action: "preview")
                    ).text
                ))
            pages.append(
                (
                    "refused save",
                    try await admin.post(NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "")).text
                ))
            pages.append(
                ("article with correction", try await client.execute(uri: "/articles/\(main.slug)", method: .get).text))
            var files: [String: String] = [:]
            for (index, (name, html)) in pages.enumerated() {
                let file = folder.appendingPathComponent("newsroom-\(index).html")
                try html.write(to: file, atomically: true, encoding: .utf8)
                files[file.path] = name
            }
            for message in try Self.validate(files: files.keys.sorted(), jar: jar) {
                Issue.record("\(files[message.file] ?? message.file): \(message.text)")
            }
        }
    }

    struct Message {
        let file: String
        let text: String
    }

    static func vnuJar() -> String? {
        let candidates = [
            ProcessInfo.processInfo.environment["VNU_JAR"],
            "/opt/newsval/venv/lib/python3.11/site-packages/vnujar/vnu.jar",
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Runs the checker once over every file (it takes seconds to start) and returns its errors.
    static func validate(files: [String], jar: String) throws -> [Message] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["java", "-jar", jar, "--errors-only", "--format", "json"] + files
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct Report: Decodable {
            struct Entry: Decodable {
                let type: String
                let url: String?
                let message: String
                let lastLine: Int?
            }
            let messages: [Entry]
        }
        let report = try JSONDecoder().decode(Report.self, from: data)
        return report.messages.filter { $0.type == "error" || $0.type == "non-document-error" }.map {
            Message(
                file: ($0.url ?? "").replacingOccurrences(of: "file:", with: ""),
                text: "line \($0.lastLine ?? 0): \($0.message)")
        }
    }
}
