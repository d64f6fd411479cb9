import Foundation

/// Something that happened, recorded by the write layer in the same transaction as the change itself
/// and delivered afterwards to whatever follows the change feed (caches, webhooks, search, Read next).
public struct DomainEvent: Sendable, Equatable, Codable, Identifiable {
    public enum Name: String, Sendable, Codable, CaseIterable {
        case articleCreated = "article.created"
        case articleSaved = "article.saved"
        case articleSubmitted = "article.submitted"
        case articleScheduled = "article.scheduled"
        case articlePublished = "article.published"
        case articleUpdated = "article.updated"
        case articleCorrected = "article.corrected"
        case articleUnpublished = "article.unpublished"
        case articleReturnedToDraft = "article.returned_to_draft"
        case articleRestored = "article.restored"
        case articleConversationChanged = "article.conversation_changed"
        case commentPublished = "comment.published"
        case commentModerated = "comment.moderated"
        /// A new comment waiting for a moderator.
        case commentHeld = "comment.held"
        /// A new comment the pipeline rejected (kept so its author sees why, and a moderator can undo it).
        case commentRejected = "comment.rejected"
        case commentEdited = "comment.edited"
        case commentDeleted = "comment.deleted"
        case commentLiked = "comment.liked"
        case commentReported = "comment.reported"
        case commenterChanged = "commenter.changed"
        case topicRenamed = "topic.renamed"
        case topicsMerged = "topic.merged"
        case authorChanged = "author.changed"
        case entityChanged = "entity.changed"
        case settingsChanged = "settings.changed"
        case accountChanged = "account.changed"
        /// Discovery worked out Read next rails again after a story changed (recorded once it has, so
        /// pages that show the rails are rendered again with the new ones).
        case readNextChanged = "discovery.read_next_changed"
    }

    public var id: UUID
    public var name: Name
    /// The article, comment, topic, author or account the event is about.
    public var subjectID: UUID?
    /// Who did it; nil for the system (the scheduler, a reader's comment).
    public var actorID: UUID?
    public var occurredAt: Date
    /// The story a comment event concerns, so caches drop its page without reading the comment. Carried
    /// to followers in this process and on other nodes, and stored with the event for those that read
    /// the events table after a restart.
    public var articleID: UUID?
    /// A published comment as pages show it, so followers in this process and on other nodes need not
    /// read it back. Not stored with the event: a follower reading the events table, or a node whose
    /// notification could not carry it (``PublishedComment``), reads the comment instead.
    public var comment: PublishedComment?

    public init(
        id: UUID = UUID(), name: Name, subjectID: UUID?, actorID: UUID?, occurredAt: Date, articleID: UUID? = nil,
        comment: PublishedComment? = nil
    ) {
        self.id = id
        self.name = name
        self.subjectID = subjectID
        self.actorID = actorID
        self.occurredAt = occurredAt
        self.articleID = articleID
        self.comment = comment
    }

    /// An event about `comment`: a `comment.published` one carries the comment as pages show it.
    public static func about(_ comment: Comment, _ name: Name, actorID: UUID?, occurredAt: Date) -> DomainEvent {
        DomainEvent(
            name: name, subjectID: comment.id, actorID: actorID, occurredAt: occurredAt, articleID: comment.articleID,
            comment: name == .commentPublished ? PublishedComment(comment) : nil)
    }

    /// The event a workflow move records.
    public static func name(for move: Workflow.Move) -> Name {
        switch move {
        case .submitForReview: return .articleSubmitted
        case .returnToDraft: return .articleReturnedToDraft
        case .schedule: return .articleScheduled
        case .publish: return .articlePublished
        case .unpublish: return .articleUnpublished
        }
    }
}

extension DomainEvent.Name {
    /// Whether the event's subject is an article.
    public var isAboutAnArticle: Bool { rawValue.hasPrefix("article.") }
}
