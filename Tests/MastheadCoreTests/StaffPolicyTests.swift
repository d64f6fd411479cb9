import Foundation
import MastheadCore
import Testing

@Suite struct StaffPolicyTests {
    /// Who may make each decision, written out by hand: a table, so a change to a rule must change
    /// this too.
    static let allowed: [StaffPolicy.Decision: Set<Role>] = {
        let writers: Set<Role> = [.contributor, .author, .editor, .admin]
        let editors: Set<Role> = [.editor, .admin]
        let moderators: Set<Role> = [.moderator, .editor, .admin]
        let admins: Set<Role> = [.admin]
        var table: [StaffPolicy.Decision: Set<Role>] = [
            .createArticle: writers, .tagArticles: writers, .openArticle(own: true): writers,
            .openArticle(own: false): editors, .editLiveArticle: [.author, .editor, .admin],
            .embargoPublishedArticle: editors, .markUpdated: editors, .addCorrection: editors,
            .setConversation: moderators, .renameTopic: editors, .mergeTopic: editors, .addAuthor: editors,
            .editAuthorProfile(own: true): Set(Role.allCases), .editAuthorProfile(own: false): editors,
            .correctEntities: editors, .createAccount: admins, .changeRole: admins, .removeAccount: admins,
            .createAPIKey: admins, .revokeAPIKey: admins, .addWebhook: admins, .removeWebhook: admins,
            .changeSettings: admins, .moderateComments: moderators,
        ]
        for area in [StaffPolicy.Area.articles, .topics, .entities, .authors] { table[.openArea(area)] = writers }
        for area in [StaffPolicy.Area.accounts, .apiKeys, .webhooks, .commentRules, .outbox] {
            table[.openArea(area)] = admins
        }
        return table
    }()

    static func account(_ role: Role, authorID: UUID? = nil) -> StaffAccount {
        StaffAccount(
            id: UUID(), email: "\(role.rawValue)@example.com", name: role.label, role: role, authorID: authorID)
    }

    @Test(arguments: Role.allCases)
    func everyDecisionIsAllowedOrRefusedAsTheNewsroomExpects(role: Role) throws {
        #expect(Set(Self.allowed.keys) == Set(StaffPolicy.Decision.all), "the table names every decision")
        let policy = Self.account(role).policy
        for decision in StaffPolicy.Decision.all {
            let expected = try #require(Self.allowed[decision]).contains(role)
            #expect(policy.allows(decision) == expected, "\(role) \(decision)")
            #expect((policy.refusal(decision) == nil) == expected, "\(role) \(decision)")
        }
    }

    @Test func everyRefusalSaysWhatTheRoleMayNotDoInWords() {
        let contributor = Self.account(.contributor).policy
        #expect(
            contributor.refusal(.openArticle(own: false))?.description
                == "Your role (contributor) may not edit this story.")
        #expect(contributor.refusal(.openArea(.accounts))?.description == "Only admins manage accounts.")
        for decision in StaffPolicy.Decision.all {
            for role in Role.allCases {
                if let refusal = Self.account(role).policy.refusal(decision) {
                    #expect(refusal.description.hasSuffix("."), "\(decision): a sentence")
                    #expect(refusal.role == role && refusal.decision == decision)
                }
            }
        }
    }

    /// A story is the account's own when it created it or writes under one of its bylines; what it
    /// may open follows, for the newsroom and the Admin API alike.
    @Test func aStoryIsOwnByItsCreatorOrByline() {
        let byline = Author(id: UUID(), name: "Anna Kowalska", slug: Slug("anna-kowalska")!)
        let story = Article(
            id: UUID(), slug: Slug("talks")!, headline: "Talks", lede: "Lede.", bodyMarkdown: "Body.", bodyHTML: "",
            status: .draft, publishedAt: nil, authors: [byline])
        let writer = Self.account(.contributor, authorID: byline.id).policy
        let stranger = Self.account(.contributor).policy
        let creator = Self.account(.contributor)
        #expect(writer.isOwn(story, creator: nil) && writer.mayOpen(story, creator: nil))
        #expect(!stranger.isOwn(story, creator: nil) && !stranger.mayOpen(story, creator: nil))
        #expect(creator.policy.isOwn(story, creator: creator.id) && creator.policy.mayOpen(story, creator: creator.id))
        #expect(Self.account(.editor).policy.mayOpen(story, creator: nil))
        #expect(!Self.account(.moderator, authorID: byline.id).policy.mayOpen(story, creator: nil))
        #expect(writer.moves(on: story, creator: nil) == [.submitForReview])
        #expect(stranger.moves(on: story, creator: nil).isEmpty)
    }
}
