import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// One rule per decision whatever the surface: for every role, the newsroom and the Admin API open,
/// create, move and moderate exactly when ``StaffPolicy`` (and ``Workflow``) say the role may, and
/// refuse with the same sentence; the newsroom offers and opens an author's profile form only to
/// whoever may save it.
@Suite struct PolicyAcrossSurfacesTests {
    @Test(arguments: Role.allCases)
    func theNewsroomAndTheAdminAPIGiveOneAnswerPerRole(role: Role) async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            let accounts = try await store.accounts.all()
            let editor = try #require(accounts.first { $0.role == .editor })
            let acting = try #require(accounts.first { $0.role == role })
            let key = try await store.apiKeys.create(
                name: "\(role) script", role: role, by: nil, now: TestSite.referenceNow
            ).1
            // Stories no acting account or key wrote: each role's newsroom account and key see them alike.
            func othersDraft(_ slug: String) async throws -> Article {
                try await store.articleActions.create(
                    ArticleContent(
                        slug: Slug(slug)!, headline: "Draft \(slug)", lede: "Lede.", bodyMarkdown: "Body.", authors: []),
                    by: editor, now: TestSite.referenceNow)
            }
            var newsroom = NewsroomClient(client)
            try await newsroom.signIn(as: role)
            let policy = acting.policy

            let draft = try await othersDraft("open")
            let page = try await newsroom.get(NewsroomRoute.article(draft.id).path)
            let read = try await APITests.call(client, .get, "/api/v1/admin/articles/\(draft.id)", token: key)
            let mayOpen = policy.mayOpen(draft, creator: editor.id)
            #expect(page.status == (mayOpen ? .ok : .forbidden), "\(role) opens in the newsroom")
            #expect(read.status == (mayOpen ? .ok : .forbidden), "\(role) opens through the API")

            let made = try await newsroom.post(
                NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "From the newsroom \(role)"))
            let posted = try await APITests.call(
                client, .post, "/api/v1/admin/articles", token: key,
                body: [
                    "headline": "From the API \(role)", "lede": "Lede.", "body": "Body.", "authors": ["anna-kowalska"],
                ])
            let mayCreate = policy.allows(.createArticle)
            #expect(made.status == (mayCreate ? .seeOther : .forbidden), "\(role) creates in the newsroom")
            #expect(posted.status == (mayCreate ? .created : .forbidden), "\(role) creates through the API")
            if let refusal = policy.refusal(.createArticle) {
                #expect(made.text.contains(refusal.description))
                #expect(try APITests.json(posted).description.contains(refusal.description))
            }

            let (inNewsroom, throughAPI) = (try await othersDraft("move-n"), try await othersDraft("move-a"))
            let moved = try await newsroom.post(
                NewsroomRoute.articleMove(inNewsroom.id).path, [("move", Workflow.Move.submitForReview.rawValue)])
            let transitioned = try await APITests.call(
                client, .post, "/api/v1/admin/articles/\(throughAPI.id)/transitions", token: key,
                body: ["move": Workflow.Move.submitForReview.rawValue])
            let mayMove = Workflow.mayMake(.submitForReview, role: role, ownStory: false)
            #expect(moved.status == (mayMove ? .seeOther : .forbidden), "\(role) moves in the newsroom")
            #expect(transitioned.status == (mayMove ? .ok : .forbidden), "\(role) moves through the API")

            // An author's profile form is offered, linked and opened only for whoever may save it.
            let anna = try #require(try await store.authors.find(slug: Slug("anna-kowalska")!))
            let mayEditProfile = policy.allows(.editAuthorProfile(own: acting.authorID == anna.id))
            let profile = try await newsroom.get(NewsroomRoute.author(anna.id).path)
            #expect(profile.status == (mayEditProfile ? .ok : .forbidden), "\(role) opens Anna's profile")
            let authors = try await newsroom.get(NewsroomRoute.authors.path)
            #expect(authors.text.contains(NewsroomRoute.author(anna.id).path) == mayEditProfile)

            // No such comment: a role that may moderate learns that; one that may not is refused first.
            let comment = UUID()
            let decided = try await newsroom.post(
                NewsroomRoute.moderateComments.path, [("single", "approve:\(comment.lowercasedString)")])
            let moderated = try await APITests.call(
                client, .post, "/api/v1/admin/comments/\(comment)/moderation", token: key,
                body: ["status": "published"])
            let mayModerate = policy.allows(.moderateComments)
            #expect(
                (decided.status == .forbidden) == !mayModerate, "\(role) moderates in the newsroom: \(decided.status)")
            #expect((moderated.status == .forbidden) == !mayModerate, "\(role) moderates through the API")
            if let refusal = policy.refusal(.moderateComments) {
                #expect(decided.text.contains(refusal.description))
                #expect(try APITests.json(moderated).description.contains(refusal.description))
            }
        }
    }
}
