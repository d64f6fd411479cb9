/// Decides what becomes of a new comment: published, held for a moderator, rejected, or refused for
/// now because its author is posting too fast.
///
/// The checks run in order and the first with an answer decides:
///
/// 1. Rate limits, before anything else: a 429 stores nothing and the reader keeps their text, so a
///    flood costs no moderator any time, whatever it says.
/// 2. Rejections: a ban, a comment over the site's length, a banned word, a repeat. These come before
///    the holds so that a moderator is never asked to approve what the site refuses outright (a guest's
///    comment with a banned word is rejected, not held), and the ban first because it is the true reason
///    whatever the comment contains.
/// 3. Holds, from standing rules to findings in this one comment: a guest, a pre-moderated site,
///    article or commenter, a commenter often rejected, a newcomer's first comments, a newcomer's link,
///    a suspect word. The reason shown is the broadest that applies, the one that would still hold the
///    comment if it were rewritten.
/// 4. Anything that passes every check is published.
public enum ModerationPipeline {
    public static let checks: [ModerationCheck] = [
        .rateLimit,
        .commenterBanned, .tooLong, .bannedWord, .repeatedComment,
        .guest, .preModeratedSite, .preModeratedArticle, .preModeratedCommenter, .oftenRejected, .firstComments,
        .linkFromNewCommenter, .suspectWord,
    ]

    public static func decide(_ context: ModerationContext, policy: ModerationPolicy) -> ModerationDecision {
        for check in checks {
            if let decision = check.run(context, policy) { return decision }
        }
        return .publish
    }
}
