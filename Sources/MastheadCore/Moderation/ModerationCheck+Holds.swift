extension ModerationCheck {
    /// A guest has no history to earn trust with, so every guest comment is read first.
    public static let guest = ModerationCheck(name: "guest") { context, _ in
        context.isGuest ? .hold(.guest) : nil
    }

    public static let preModeratedSite = ModerationCheck(name: "preModeratedSite") { _, policy in
        policy.preModerateAll ? .hold(.preModeratedSite) : nil
    }

    public static let preModeratedArticle = ModerationCheck(name: "preModeratedArticle") { context, _ in
        context.articlePreModerated ? .hold(.preModeratedArticle) : nil
    }

    public static let preModeratedCommenter = ModerationCheck(name: "preModeratedCommenter") { context, _ in
        context.commenterPreModerated ? .hold(.preModeratedCommenter) : nil
    }

    /// A commenter whose recent comments moderators mostly rejected goes back to pre-moderation without
    /// anyone having to notice and set it (``ModerationPolicy/rejectionRatioForPreModeration``). At
    /// least one rejection is needed, so a ratio of zero cannot hold a spotless record.
    public static let oftenRejected = ModerationCheck(name: "oftenRejected") { context, policy in
        let judged = context.judgedComments
        let rejected = context.rejectedComments
        guard judged >= ModerationPolicy.minimumJudgedForRejectionRatio, rejected > 0 else { return nil }
        return Double(rejected) >= policy.rejectionRatioForPreModeration * Double(judged)
            ? .hold(.oftenRejected) : nil
    }

    public static let firstComments = ModerationCheck(name: "firstComments") { context, policy in
        context.approvedComments < policy.firstCommentsHeld ? .hold(.firstComments) : nil
    }

    /// A link counts exactly where ``CommentText`` would render one, so what is held is what readers
    /// would be offered to click.
    public static let linkFromNewCommenter = ModerationCheck(name: "linkFromNewCommenter") { context, policy in
        context.approvedComments < policy.linksHeldUntilApproved && CommentText.containsLink(context.body)
            ? .hold(.linkFromNewCommenter) : nil
    }

    public static let suspectWord = ModerationCheck(name: "suspectWord") { context, policy in
        policy.suspectWords.firstMatch(in: context.body) == nil ? nil : .hold(.suspectWord)
    }
}
