/// Why an import leaves something out; the report counts each and says it in these words.
public enum ImportSkip: String, Sendable, CaseIterable {
    case trashedPost = "posts in the old site's trash"
    case unsupportedPostType = "items of a kind Masthead has no place for"
    case spamComment = "spam comments"
    case trashedComment = "comments in the old site's trash"
    case deletedComment = "deleted comments"
    case pingback = "pingbacks"
    case trackback = "trackbacks"
    case unknownCommentStatus = "comments with a status Masthead does not know"
}
