import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Every vector of the XSS corpus, posted through the forms as a comment, as a guest's name and as a
/// report's note, and then looked for in every page that shows them: the article page, the thread page,
/// the newsroom's queues and the reader's download. None may survive as markup.
@Suite struct ConversationXSSTests {
    static let article = ReferencePageTests.mainArticle

    /// What no page of ours contains except where our own templates put it.
    static func dangerous(_ html: String) -> [String] {
        var found: [String] = []
        // Our own templates' markup: the live-comments script, structured data, the reply disclosure.
        let ours = html.replacingOccurrences(
            of: #"<script src="(/newsroom)?/assets/[a-z]+\.[0-9a-f]+\.js" defer></script>"#, with: "",
            options: .regularExpression
        )
        .replacingOccurrences(
            of: #"<script type="application/ld\+json">[^<]*</script>"#, with: "", options: .regularExpression
        )
        .replacingOccurrences(of: #"<details class="comment__reply">"#, with: "")
        let patterns = [
            #"<script"#, #"<img"#, #"<svg"#, #"<iframe"#, #"<object"#, #"<embed"#, #"<style"#, #"<math"#,
            #"<details"#, #"<marquee"#, #"<audio"#, #"<video"#, #"<input[^>]*onfocus"#, #"<[a-z][^>]*\son[a-z]+\s*="#,
            #"<[a-z][^>]*\s(href|src|action|formaction)\s*=\s*["']?\s*(javascript|vbscript|data):"#,
        ]
        for pattern in patterns
        where ours.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil {
            guard let range = ours.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else { continue }
            let start = ours.index(range.lowerBound, offsetBy: -60, limitedBy: ours.startIndex) ?? ours.startIndex
            found.append(String(ours[start..<range.upperBound]))
        }
        return found
    }

    static func check(_ name: String, _ html: String) {
        let found = dangerous(html)
        #expect(found.isEmpty, "\(name): \(found)")
    }

    @Test func noVectorSurvivesInAnyOutput() async throws {
        #expect(XSSCorpus.vectors.count >= 100)
        try await TestSite.run(
            config: {
                var config = NewsroomClient.config($0)
                config.clientAddressHeader = "X-Forwarded-For"
                return config
            }, seed: NewsroomClient.seedAccounts
        ) { client, store in
            let (cookie, token) = try await CommentPostingTests.openForm(client)
            // Five comments per reader in ten minutes (ModerationPolicy): a reader for every four vectors.
            var readers: [TestReaders.Browser] = []
            for number in 0..<(XSSCorpus.vectors.count + 3) / 4 {
                readers.append(
                    try await TestReaders.signedIn(
                        client, store, name: "Reader \(number)", email: "reader\(number)@example.com"))
            }
            for (index, vector) in XSSCorpus.vectors.enumerated() {
                let reader = readers[index / 4]
                let address: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.\(index / 200).\(index % 200)"]
                let asGuest = try await CommentPostingTests.post(
                    client, name: String(vector.prefix(80)), body: "Guest \(index): " + vector, token: token,
                    cookie: cookie, extraHeaders: address)
                #expect(asGuest.status == .seeOther, "guest \(index)")
                var headers = reader.headers
                headers[HTTPField.Name("X-Forwarded-For")!] = "203.0.\(index / 200).\(index % 200)"
                let asReader = try await client.execute(
                    uri: CommentPostingTests.action, method: .post, headers: headers,
                    body: ByteBuffer(
                        string: formBody([("csrf_token", reader.token), ("body", "Reader \(index): " + vector)])))
                #expect(asReader.status == .seeOther, "reader \(index): \(asReader.status)")
            }
            var moderator = NewsroomClient(client)
            try await moderator.signIn(as: .moderator)
            Self.check("pending queue", try await moderator.get(NewsroomRoute.moderationQueue.path).text)
            try await CommentPostingTests.approveAll(store)

            let comments = try await store.comments.all(
                onArticle: try #require(
                    try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!)
                ).id
            ).filter { $0.status == .published }
            for (index, vector) in XSSCorpus.vectors.enumerated() {
                guard let target = comments.first(where: { $0.body.hasPrefix("Guest \(index): ") }) else {
                    Issue.record("guest comment \(index) missing")
                    continue
                }
                let reportPath = Self.article + "/comments/\(target.id.uuidString.lowercased())/report"
                var headers: HTTPFields = [
                    .cookie: "masthead_csrf=\(cookie)", .contentType: "application/x-www-form-urlencoded",
                ]
                headers[HTTPField.Name("X-Forwarded-For")!] = "192.0.\(index / 200).\(index % 200)"
                let reported = try await client.execute(
                    uri: reportPath, method: .post, headers: headers,
                    body: ByteBuffer(
                        string: formBody([
                            ("csrf_token", token), ("reason", "other"), ("note", String(vector.prefix(500))),
                        ])))
                #expect(reported.status == .seeOther || reported.status == .unprocessableContent, "report \(index)")
                if reported.status == .unprocessableContent { Self.check("refused report \(index)", reported.text) }
            }
            let reader = readers[0]
            var pages = [
                ("reported queue", try await moderator.get(NewsroomRoute.queue(.reported).path).text),
                ("log", try await moderator.get(NewsroomRoute.moderationLog.path).text),
                ("commenter", try await moderator.get(NewsroomRoute.commenter(reader.reader.id).path).text),
            ]
            var next: String? = Self.article
            var walked = 0
            while let uri = next, walked < 10 {
                let page = try await client.execute(uri: uri, method: .get, headers: [.cookie: reader.cookies]).text
                pages.append(("article page \(walked)", page))
                next = PageText.captures(page, #"<a href="([^"]+)">More comments</a>"#).first?
                    .replacingOccurrences(of: "&amp;", with: "&")
                walked += 1
            }
            #expect(walked >= 5)
            if let first = comments.first {
                pages.append(
                    (
                        "thread",
                        try await client.execute(
                            uri: Self.article + "/comments/\(first.id.uuidString.lowercased())", method: .get
                        ).text
                    ))
            }
            for (name, html) in pages { Self.check(name, html) }

            let download = try await client.execute(
                uri: "/account/comments.json", method: .get, headers: [.cookie: reader.cookies])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(download.text.utf8)) as? [String: Any])
            let bodies = Set((json["comments"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String })
            // JSON carries the text exactly, as data: what the reader wrote comes back unchanged.
            for (index, vector) in XSSCorpus.vectors.enumerated().prefix(4) {
                let expected = ReaderText.withoutControls("Reader \(index): " + vector)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(bodies.contains(expected), "download \(index)")
            }
        }
    }
}
