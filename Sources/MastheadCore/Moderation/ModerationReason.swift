/// Why a comment was held or rejected. The raw values are stored with the comment, so a reason keeps
/// its name once shipped.
public enum ModerationReason: String, Sendable, Equatable, Codable, CaseIterable {
    case commenterBanned
    case tooLong
    case bannedWord
    case repeatedComment
    case guest
    case preModeratedSite
    case preModeratedArticle
    case preModeratedCommenter
    case oftenRejected
    case firstComments
    case linkFromNewCommenter
    case suspectWord
    /// A moderator rejected it after reading it.
    case rejectedByModerator

    /// One sentence for the commenter, shown on their own held or rejected comment, and shown to
    /// moderators as it was shown to the commenter. It says what happened without naming the word or
    /// the rule that caught it, so it teaches nobody how to slip past the lists.
    public var explanation: String {
        switch self {
        case .commenterBanned:
            "Your comment was not published because a moderator has barred you from commenting for now."
        case .tooLong:
            "Your comment was not published because it is longer than this site allows."
        case .bannedWord:
            "Your comment was not published because it uses a word this site does not allow."
        case .repeatedComment:
            "Your comment was not published because it repeats one you posted recently."
        case .guest:
            "Your comment is waiting for a moderator because you posted without signing in."
        case .preModeratedSite:
            "Your comment is waiting for a moderator: every comment on this site is read before it appears."
        case .preModeratedArticle:
            "Your comment is waiting for a moderator: every comment on this article is read before it appears."
        case .preModeratedCommenter:
            "Your comment is waiting for a moderator: a moderator reads your comments before they appear."
        case .oftenRejected:
            "Your comment is waiting for a moderator because several of your recent comments were not approved."
        case .firstComments:
            "Your comment is waiting for a moderator because you are new here; "
                + "once your first comments are approved, the next ones will appear straight away."
        case .linkFromNewCommenter:
            "Your comment is waiting for a moderator because it contains a link and you are new here."
        case .suspectWord:
            "Your comment is waiting for a moderator because it uses a word this site checks before publishing."
        case .rejectedByModerator:
            "Your comment was not published: a moderator decided it breaks this site's rules for comments."
        }
    }
}
