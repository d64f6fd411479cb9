import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// The dashboard and the story lists show each account the stories it may open, and no colleague's
/// draft it may not.
@Suite struct ArticleListsTests {
    static let headlines: [Role: String] = [
        .editor: "Scoop from the editor desk", .author: "Draft by the staff author",
        .contributor: "Draft by the freelance contributor",
    ]

    @Test func contributorsAndAuthorsListOnlyTheStoriesTheyMayOpen() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, _ in
            var clients: [Role: NewsroomClient] = [:]
            for role in [Role.editor, .author, .contributor] {
                var newsroom = NewsroomClient(client)
                try await newsroom.signIn(as: role)
                let created = try await newsroom.post(
                    NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: Self.headlines[role]!))
                #expect(created.status == .seeOther)
                clients[role] = newsroom
            }
            for (role, newsroom) in clients {
                for path in [NewsroomRoute.articles(status: .draft).path, NewsroomRoute.dashboard.path] {
                    let page = try await newsroom.get(path)
                    #expect(page.status == .ok)
                    for (writer, headline) in Self.headlines {
                        // Editors open every story; the others only their own.
                        let mayOpen = role == .editor || writer == role
                        #expect(page.text.contains(headline) == mayOpen, "\(role) at \(path): \(writer)'s draft")
                    }
                }
            }
            // What the author's list shows, she may open: the demo's stories under her byline too.
            let author = try #require(clients[.author])
            let list = try await author.get(NewsroomRoute.articles().path).text
            let links = list.components(separatedBy: "href=\"/newsroom/stories/").dropFirst()
                .compactMap { $0.split(separator: "\"").first }.filter { UUID(uuidString: String($0)) != nil }
            #expect(links.count > 1)
            for id in links {
                #expect(try await author.get("/newsroom/stories/\(id)").status == .ok, "\(id)")
            }
        }
    }
}
