import MastheadCore
import Testing

@Suite struct ModerationPipelineTests {
    @Test func aRegularCommentersCommentIsPublishedAndANewcomersHeld() {
        #expect(ModerationPipeline.decide(.regular(), policy: .defaults) == .publish)
        #expect(
            ModerationPipeline.decide(ModerationContext(body: "Hello, first time here."), policy: .defaults)
                == .hold(.firstComments))
    }

    @Test func theChecksRunInTheDocumentedOrder() {
        #expect(
            ModerationPipeline.checks.map(\.name) == [
                "rateLimit", "commenterBanned", "tooLong", "bannedWord", "repeatedComment", "guest",
                "preModeratedSite", "preModeratedArticle", "preModeratedCommenter", "oftenRejected", "firstComments",
                "linkFromNewCommenter", "suspectWord",
            ])
    }

    /// A comment that every check would stop; lifting the cause of each decision in turn must reveal
    /// the next check's decision, so the first check that answers always wins.
    @Test func theFirstCheckThatAnswersDecides() {
        let body = "Cheap viagra at https://pills.example for everyone, today only"
        var context = ModerationContext(
            body: body, isGuest: true, commenterBanned: true, commenterPreModerated: true, articlePreModerated: true,
            approvedComments: 0, judgedComments: 4, rejectedComments: 4, recentBodies: [body],
            commenterRecentCount: 5, oldestInCommenterWindow: 60)
        var policy = ModerationPolicy(
            bannedWords: ["viagra"], suspectWords: ["cheap"], preModerateAll: true, maximumLength: 20)
        let steps: [(ModerationDecision, (inout ModerationContext, inout ModerationPolicy) -> Void)] = [
            (.rateLimited(retryAfter: 540), { context, _ in context.commenterRecentCount = 0 }),
            (.reject(.commenterBanned), { context, _ in context.commenterBanned = false }),
            (.reject(.tooLong), { _, policy in policy.maximumLength = 5_000 }),
            (.reject(.bannedWord), { _, policy in policy.bannedWords = [] }),
            (.reject(.repeatedComment), { context, _ in context.recentBodies = [] }),
            (.hold(.guest), { context, _ in context.isGuest = false }),
            (.hold(.preModeratedSite), { _, policy in policy.preModerateAll = false }),
            (.hold(.preModeratedArticle), { context, _ in context.articlePreModerated = false }),
            (.hold(.preModeratedCommenter), { context, _ in context.commenterPreModerated = false }),
            (.hold(.oftenRejected), { context, _ in context.rejectedComments = 0 }),
            (.hold(.firstComments), { context, _ in context.approvedComments = 1 }),
            (.hold(.linkFromNewCommenter), { context, _ in context.approvedComments = 3 }),
            (.hold(.suspectWord), { _, policy in policy.suspectWords = [] }),
        ]
        for (expected, lift) in steps {
            #expect(ModerationPipeline.decide(context, policy: policy) == expected)
            lift(&context, &policy)
        }
        #expect(ModerationPipeline.decide(context, policy: policy) == .publish)
    }

    @Test func aRateLimitedCommenterIsToldToWaitWhateverTheCommentSays() {
        var context = ModerationContext.regular("Buy viagra")
        context.commenterRecentCount = 5
        context.oldestInCommenterWindow = 300
        #expect(
            ModerationPipeline.decide(context, policy: ModerationPolicy(bannedWords: ["viagra"]))
                == .rateLimited(retryAfter: 300))
    }

    @Test func aBannedCommentersLinkIsRejectedForTheBanNotHeld() {
        var context = ModerationContext(body: "See https://pills.example")
        context.commenterBanned = true
        #expect(ModerationPipeline.decide(context, policy: .defaults) == .reject(.commenterBanned))
    }

    @Test func aGuestsBannedWordIsRejectedNotHeld() {
        let context = ModerationContext(body: "Buy viagra", isGuest: true)
        #expect(
            ModerationPipeline.decide(context, policy: ModerationPolicy(bannedWords: ["viagra"]))
                == .reject(.bannedWord))
        #expect(ModerationPipeline.decide(context, policy: .defaults) == .hold(.guest))
    }

    @Test func theDefaultsAreTheDocumentedOnes() {
        let policy = ModerationPolicy.defaults
        #expect(policy.bannedWords.words.isEmpty && policy.suspectWords.words.isEmpty)
        #expect(!policy.preModerateAll)
        #expect(policy.rejectionRatioForPreModeration == 0.5)
        #expect(policy.maximumLength == CommentSubmission.maximumBodyLength)
        #expect(policy.perCommenterLimit == RateLimit(count: 5, window: 600))
        #expect(policy.perAddressLimit == RateLimit(count: 20, window: 600))
    }
}
