import Foundation

/// What a newsroom account may do: create, open and change stories, manage topics, authors, accounts,
/// keys, webhooks and settings, moderate, and open each part of the newsroom. The one place that
/// decides, for the write layer that enforces each rule and for the newsroom and the Admin API that
/// ask it what to offer, so that what a page offers and what is accepted cannot drift apart. Moves
/// in the workflow are ``Workflow``'s; a reader's part in a conversation is ``ConversationPolicy``'s.
public struct StaffPolicy: Sendable, Equatable {
    public var account: StaffAccount

    public init(account: StaffAccount) {
        self.account = account
    }

    /// A part of the newsroom with a page of its own that not every role may open.
    public enum Area: String, Sendable, CaseIterable {
        /// The story lists.
        case articles
        case topics
        /// People, places and organisations.
        case entities
        /// The list of bylines.
        case authors
        case accounts
        case apiKeys
        case webhooks
        case commentRules
        /// The site's outgoing mail.
        case outbox
    }

    /// Something an account asks to do.
    public enum Decision: Sendable, Hashable {
        case createArticle
        /// Makes a topic by naming it on a story.
        case tagArticles
        /// Opens (and so saves) a story; `own` when the account wrote it or is in its byline.
        case openArticle(own: Bool)
        /// Saves a story that readers can see, or soon will (scheduled or published).
        case editLiveArticle
        case embargoPublishedArticle
        case markUpdated
        case addCorrection
        /// Opens or closes a story's comments.
        case setConversation
        case renameTopic
        case mergeTopic
        case addAuthor
        /// Edits an author's profile; `own` when it is the account's own byline.
        case editAuthorProfile(own: Bool)
        /// Corrects the list of people, places and organisations.
        case correctEntities
        case createAccount
        case changeRole
        case removeAccount
        case createAPIKey
        case revokeAPIKey
        case addWebhook
        case removeWebhook
        case changeSettings
        case moderateComments
        case openArea(Area)

        /// Every decision, each `own` both ways: for tests that go through them all.
        public static let all: [Decision] =
            [
                .createArticle, .tagArticles, .openArticle(own: true), .openArticle(own: false), .editLiveArticle,
                .embargoPublishedArticle, .markUpdated, .addCorrection, .setConversation, .renameTopic, .mergeTopic,
                .addAuthor, .editAuthorProfile(own: true), .editAuthorProfile(own: false), .correctEntities,
                .createAccount, .changeRole, .removeAccount, .createAPIKey, .revokeAPIKey, .addWebhook,
                .removeWebhook, .changeSettings, .moderateComments,
            ] + Area.allCases.map { .openArea($0) }
    }

    /// Why the account may not do what it asked, in words a person can act on.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var decision: Decision
        public var role: Role

        public var description: String {
            switch decision {
            case .createArticle: return "Your role does not write stories."
            case .tagArticles: return "Your role does not tag stories."
            case .openArticle: return "Your role (\(role.label.lowercased())) may not edit this story."
            case .editLiveArticle: return "A story that is scheduled or published is edited by its author or an editor."
            case .embargoPublishedArticle: return "Only editors embargo a published story."
            case .markUpdated: return "Only editors mark a story as updated."
            case .addCorrection: return "Only editors add corrections."
            case .setConversation: return "Only editors and moderators open or close a story's comments."
            case .renameTopic: return "Only editors rename topics."
            case .mergeTopic: return "Only editors merge topics."
            case .addAuthor: return "Only editors add authors."
            case .editAuthorProfile: return "Only editors edit other writers' profiles."
            case .correctEntities: return "Only editors correct the list of people, places and organisations."
            case .createAccount: return "Only admins create accounts."
            case .changeRole: return "Only admins change roles."
            case .removeAccount: return "Only admins remove accounts."
            case .createAPIKey: return "Only admins make API keys."
            case .revokeAPIKey: return "Only admins revoke API keys."
            case .addWebhook: return "Only admins register webhooks."
            case .removeWebhook: return "Only admins remove webhooks."
            case .changeSettings: return "Only admins change the site's settings."
            case .moderateComments: return "Your role does not moderate comments."
            case .openArea(.articles): return "Your role does not work on stories."
            case .openArea(.topics): return "Your role does not work on topics."
            case .openArea(.entities): return "Your role does not work on people and places."
            case .openArea(.authors): return "Your role does not work on authors."
            case .openArea(.accounts): return "Only admins manage accounts."
            case .openArea(.apiKeys): return "Only admins manage API keys."
            case .openArea(.webhooks): return "Only admins manage webhooks."
            case .openArea(.commentRules): return "Only admins change the site's comment rules."
            case .openArea(.outbox): return "Only administrators can read the site's outgoing mail."
            }
        }
    }

    /// Whether the account's role allows `decision`.
    public func allows(_ decision: Decision) -> Bool {
        let role = account.role
        switch decision {
        case .createArticle, .tagArticles, .openArea(.articles), .openArea(.topics), .openArea(.entities),
            .openArea(.authors):
            return role.writes
        case .openArticle(let own): return role.mayEdit(ownStory: own)
        // A contributor's changes to what readers see would skip review.
        case .editLiveArticle: return role.writes && role != .contributor
        case .embargoPublishedArticle, .markUpdated, .addCorrection: return role.editsAnyStory
        case .setConversation, .moderateComments: return role.moderates
        case .renameTopic, .mergeTopic, .addAuthor, .correctEntities: return role.managesTopicsAndAuthors
        case .editAuthorProfile(let own): return own || role.managesTopicsAndAuthors
        case .createAccount, .changeRole, .removeAccount, .createAPIKey, .revokeAPIKey, .addWebhook, .removeWebhook,
            .changeSettings, .openArea(.accounts), .openArea(.apiKeys), .openArea(.webhooks),
            .openArea(.commentRules), .openArea(.outbox):
            return role.administers
        }
    }

    /// Why the account may not do `decision`, or nil when it may.
    public func refusal(_ decision: Decision) -> Refusal? {
        allows(decision) ? nil : Refusal(decision: decision, role: account.role)
    }

    /// Whether the account counts as one of the story's own writers: its creator, or in its byline.
    public func isOwn(_ article: Article, creator: UUID?) -> Bool {
        creator == account.id || (account.authorID.map { id in article.authors.contains { $0.id == id } } ?? false)
    }

    /// Whether the account may open the story, in the newsroom and through the Admin API alike (the
    /// newsroom's lists compose the same rule as SQL).
    public func mayOpen(_ article: Article, creator: UUID?) -> Bool {
        allows(.openArticle(own: isOwn(article, creator: creator)))
    }

    /// The moves offered on the story to this account.
    public func moves(on article: Article, creator: UUID?) -> [Workflow.Move] {
        Workflow.available(from: article.status, role: account.role, ownStory: isOwn(article, creator: creator))
    }
}

extension StaffAccount {
    /// What this account may do.
    public var policy: StaffPolicy { StaffPolicy(account: self) }
}
