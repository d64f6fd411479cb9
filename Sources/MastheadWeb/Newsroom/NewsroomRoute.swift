import Foundation
import Hummingbird
import MastheadCore

/// Every newsroom address, as ``ReaderRoute`` is for readers: links are built from these cases and
/// routes registered from the same patterns.
enum NewsroomRoute: Equatable {
    case dashboard
    case signIn
    case signOut
    case articles(status: ArticleStatus? = nil, topic: UUID? = nil, author: UUID? = nil)
    case newArticle
    case article(UUID)
    case articleMove(UUID)
    case articleEmbargo(UUID)
    case articleUpdate(UUID)
    case articleCorrections(UUID)
    case articleImage(UUID)
    case articleConversation(UUID)
    case revisions(UUID)
    case revision(UUID, UUID)
    case restore(UUID, UUID)
    case preview
    case topics
    case renameTopic(UUID)
    case mergeTopics
    case entities
    case moderationQueue
    case queue(ModerationQueue)
    case moderateComments
    case moderationLog
    case commenter(UUID)
    case banCommenter(UUID)
    case preModerateCommenter(UUID)
    case outbox
    case commentSettings
    case entity(UUID)
    case mergeEntities
    case authors
    case author(UUID)
    case accounts
    case accountRole(UUID)
    case removeAccount(UUID)
    case password
    case signOutEverywhere
    case settings
    case apiKeys
    case webhooks
    case removeWebhook(UUID)
    case revokeAPIKey(UUID)
    case asset(String)

    static let root = "/newsroom"

    var path: String {
        switch self {
        case .dashboard: return Self.root
        case .signIn: return Self.root + "/sign-in"
        case .signOut: return Self.root + "/sign-out"
        case .articles(let status, let topic, let author):
            let query = [
                status.map { "status=\($0.rawValue)" }, topic.map { "topic=\(Self.id($0))" },
                author.map { "author=\(Self.id($0))" },
            ].compactMap { $0 }
            return Self.root + "/stories" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        case .newArticle: return Self.root + "/stories/new"
        case .article(let id): return Self.root + "/stories/\(Self.id(id))"
        case .articleMove(let id): return Self.root + "/stories/\(Self.id(id))/move"
        case .articleEmbargo(let id): return Self.root + "/stories/\(Self.id(id))/embargo"
        case .articleUpdate(let id): return Self.root + "/stories/\(Self.id(id))/update"
        case .articleCorrections(let id): return Self.root + "/stories/\(Self.id(id))/corrections"
        case .articleImage(let id): return Self.root + "/stories/\(Self.id(id))/image"
        case .articleConversation(let id): return Self.root + "/stories/\(Self.id(id))/conversation"
        case .revisions(let id): return Self.root + "/stories/\(Self.id(id))/revisions"
        case .revision(let id, let revision):
            return Self.root + "/stories/\(Self.id(id))/revisions/\(Self.id(revision))"
        case .restore(let id, let revision):
            return Self.root + "/stories/\(Self.id(id))/revisions/\(Self.id(revision))/restore"
        case .preview: return Self.root + "/preview"
        case .topics: return Self.root + "/topics"
        case .renameTopic(let id): return Self.root + "/topics/\(Self.id(id))"
        case .mergeTopics: return Self.root + "/topics/merge"
        case .entities: return Self.root + "/entities"
        case .moderationQueue: return Self.root + "/comments"
        case .queue(let queue): return Self.root + "/comments?queue=\(queue.rawValue)"
        case .moderateComments: return Self.root + "/comments/decisions"
        case .moderationLog: return Self.root + "/comments/log"
        case .commenter(let id): return Self.root + "/commenters/\(Self.id(id))"
        case .banCommenter(let id): return Self.root + "/commenters/\(Self.id(id))/ban"
        case .preModerateCommenter(let id): return Self.root + "/commenters/\(Self.id(id))/premoderation"
        case .outbox: return Self.root + "/outbox"
        case .commentSettings: return Self.root + "/comments/settings"
        case .entity(let id): return Self.root + "/entities/\(Self.id(id))"
        case .mergeEntities: return Self.root + "/entities/merge"
        case .authors: return Self.root + "/authors"
        case .author(let id): return Self.root + "/authors/\(Self.id(id))"
        case .accounts: return Self.root + "/accounts"
        case .accountRole(let id): return Self.root + "/accounts/\(Self.id(id))/role"
        case .removeAccount(let id): return Self.root + "/accounts/\(Self.id(id))/remove"
        case .password: return Self.root + "/password"
        case .signOutEverywhere: return Self.root + "/password/sign-out-everywhere"
        case .settings: return Self.root + "/settings"
        case .apiKeys: return Self.root + "/api-keys"
        case .webhooks: return Self.root + "/webhooks"
        case .removeWebhook(let id): return Self.root + "/webhooks/\(Self.id(id))/remove"
        case .revokeAPIKey(let id): return Self.root + "/api-keys/\(Self.id(id))/revoke"
        case .asset(let name): return Self.root + "/assets/\(name)"
        }
    }

    private static func id(_ id: UUID) -> String { id.lowercasedString }

    /// Patterns relative to the `/newsroom` group.
    enum Pattern {
        static let dashboard: RouterPath = ""
        static let signIn: RouterPath = "sign-in"
        static let signOut: RouterPath = "sign-out"
        static let articles: RouterPath = "stories"
        static let newArticle: RouterPath = "stories/new"
        static let article: RouterPath = "stories/:id"
        static let articleMove: RouterPath = "stories/:id/move"
        static let articleEmbargo: RouterPath = "stories/:id/embargo"
        static let articleUpdate: RouterPath = "stories/:id/update"
        static let articleCorrections: RouterPath = "stories/:id/corrections"
        static let articleImage: RouterPath = "stories/:id/image"
        static let articleConversation: RouterPath = "stories/:id/conversation"
        static let revisions: RouterPath = "stories/:id/revisions"
        static let revision: RouterPath = "stories/:id/revisions/:revision"
        static let restore: RouterPath = "stories/:id/revisions/:revision/restore"
        static let preview: RouterPath = "preview"
        static let topics: RouterPath = "topics"
        static let renameTopic: RouterPath = "topics/:id"
        static let mergeTopics: RouterPath = "topics/merge"
        static let entities: RouterPath = "entities"
        static let moderationQueue: RouterPath = "comments"
        static let moderateComments: RouterPath = "comments/decisions"
        static let moderationLog: RouterPath = "comments/log"
        static let commenter: RouterPath = "commenters/:id"
        static let banCommenter: RouterPath = "commenters/:id/ban"
        static let preModerateCommenter: RouterPath = "commenters/:id/premoderation"
        static let outbox: RouterPath = "outbox"
        static let commentSettings: RouterPath = "comments/settings"
        static let entity: RouterPath = "entities/:id"
        static let mergeEntities: RouterPath = "entities/merge"
        static let authors: RouterPath = "authors"
        static let author: RouterPath = "authors/:id"
        static let accounts: RouterPath = "accounts"
        static let accountRole: RouterPath = "accounts/:id/role"
        static let removeAccount: RouterPath = "accounts/:id/remove"
        static let password: RouterPath = "password"
        static let signOutEverywhere: RouterPath = "password/sign-out-everywhere"
        static let settings: RouterPath = "settings"
        static let apiKeys: RouterPath = "api-keys"
        static let webhooks: RouterPath = "webhooks"
        static let removeWebhook: RouterPath = "webhooks/:id/remove"
        static let revokeAPIKey: RouterPath = "api-keys/:id/revoke"
        static let assets: RouterPath = "assets/**"
    }
}
