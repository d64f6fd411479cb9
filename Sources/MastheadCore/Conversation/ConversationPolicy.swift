import Foundation

/// What a reader (or a guest) may do in a story's conversation: post or reply, and edit, delete, like
/// or report a comment. The one place that decides, for the page that offers each action and for the
/// write layer's post, edit, delete and like that enforce it, so what a page offers and what is
/// accepted cannot drift apart. A newsroom account's rules are ``StaffPolicy``'s.
public struct ConversationPolicy: Sendable, Equatable {
    /// The signed-in reader; nil for a guest.
    public var reader: Commenter?
    public var now: Date

    public init(reader: Commenter?, now: Date) {
        self.reader = reader
        self.now = now
    }

    /// Why the reader may not do what they asked, in words they can act on.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The story's conversation is closed (by an editor, or by time).
        case closed
        /// Signed in, but the address is not confirmed yet.
        case unconfirmed(email: String)
        /// A guest, on a site where only readers with an account may post.
        case guestsOff
        /// Someone else's comment.
        case notOwn
        /// The reader's own comment, past ``EditWindow``.
        case editWindowPassed
        /// A like from a reader whose address is not confirmed yet.
        case likeUnconfirmed
        case likeOwn

        public var description: String {
            switch self {
            case .closed:
                return "Comments on this story are closed, so yours was not posted. Your text is still below."
            case .unconfirmed(let email):
                return "Please confirm your email address first: open the link we sent to \(email). "
                    + "Your comment is still below."
            case .guestsOff: return "Please sign in or create an account to comment. Your comment is still below."
            case .notOwn: return "Only the person who wrote a comment can change it."
            case .editWindowPassed:
                return "Comments can be edited for \(Int(EditWindow.length / 60)) minutes after posting; "
                    + "this one can no longer be changed."
            case .likeUnconfirmed: return "Please confirm your email address first, then like comments."
            case .likeOwn: return "You cannot like your own comment."
            }
        }
    }

    /// What the foot of the conversation shows this reader.
    public enum Invitation: Sendable, Equatable {
        /// The comment form.
        case form
        /// A prompt to sign in, create an account or confirm one: this reader may not post as they are.
        case account
        /// "Comments on this story are closed."
        case closed
    }

    /// Whether the story's conversation takes comments now, as the story and the site set it.
    public func isOpen(_ article: ConversationTarget, settings: SiteSettings) -> Bool {
        article.conversation.isOpen(
            publishedAt: article.publishedAt, now: now, closeAfterDays: settings.commentsCloseAfterDays)
    }

    /// Why this reader may not post (or reply) on `article`, or nil when they may. A closed
    /// conversation is named first: no account would change that.
    public func postingRefusal(on article: ConversationTarget, settings: SiteSettings) -> Refusal? {
        guard isOpen(article, settings: settings) else { return .closed }
        if let reader {
            return reader.isVerified ? nil : .unconfirmed(email: reader.email)
        }
        return settings.comments.allowGuests ? nil : .guestsOff
    }

    public func mayPost(on article: ConversationTarget, settings: SiteSettings) -> Bool {
        postingRefusal(on: article, settings: settings) == nil
    }

    public func invitation(on article: ConversationTarget, settings: SiteSettings) -> Invitation {
        switch postingRefusal(on: article, settings: settings) {
        case nil: return .form
        case .closed: return .closed
        default: return .account
        }
    }

    /// Written by this reader; never true for a guest, whose comments belong to no account.
    public func isOwn(_ comment: Comment) -> Bool {
        guard let reader else { return false }
        return comment.commenterID == reader.id
    }

    /// Why this reader may not edit `comment`, or nil when they may: only their own, and only within
    /// ``EditWindow`` of posting.
    public func editRefusal(_ comment: Comment) -> Refusal? {
        if let refusal = deleteRefusal(comment) { return refusal }
        return EditWindow.allows(editingCommentCreatedAt: comment.createdAt, now: now) ? nil : .editWindowPassed
    }

    /// Why this reader may not delete `comment`, or nil when they may: only their own.
    public func deleteRefusal(_ comment: Comment) -> Refusal? {
        isOwn(comment) ? nil : .notOwn
    }

    /// Why this reader may not like `comment`, or nil when they may: a confirmed reader, and not their
    /// own comment. The confirmation is asked first, before anything about the comment is known.
    public func likeRefusal(_ comment: Comment?) -> Refusal? {
        guard let reader, reader.isVerified else { return .likeUnconfirmed }
        return comment.map(isOwn) == true ? .likeOwn : nil
    }

    // What a page offers under a comment: a deleted comment offers nothing.

    public func mayEdit(_ comment: Comment) -> Bool { !comment.isDeleted && editRefusal(comment) == nil }

    public func mayDelete(_ comment: Comment) -> Bool { !comment.isDeleted && deleteRefusal(comment) == nil }

    public func mayLike(_ comment: Comment) -> Bool { !comment.isDeleted && likeRefusal(comment) == nil }

    /// Anyone may report a comment but its own author.
    public func mayReport(_ comment: Comment) -> Bool { !comment.isDeleted && !isOwn(comment) }
}
