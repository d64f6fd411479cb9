import MastheadCore
import Testing

@Suite struct HoldCheckTests {
    @Test func aGuestIsHeld() {
        var context = ModerationContext.regular()
        #expect(ModerationCheck.guest.run(context, .defaults) == nil)
        context.isGuest = true
        #expect(ModerationCheck.guest.run(context, .defaults) == .hold(.guest))
    }

    @Test func preModerationOfTheSiteTheArticleOrTheCommenterHolds() {
        var policy = ModerationPolicy.defaults
        var context = ModerationContext.regular()
        for check in [ModerationCheck.preModeratedSite, .preModeratedArticle, .preModeratedCommenter] {
            #expect(check.run(context, policy) == nil)
        }
        policy.preModerateAll = true
        context.articlePreModerated = true
        context.commenterPreModerated = true
        #expect(ModerationCheck.preModeratedSite.run(context, policy) == .hold(.preModeratedSite))
        #expect(ModerationCheck.preModeratedArticle.run(context, policy) == .hold(.preModeratedArticle))
        #expect(ModerationCheck.preModeratedCommenter.run(context, policy) == .hold(.preModeratedCommenter))
    }

    func oftenRejected(judged: Int, rejected: Int, ratio: Double = 0.5) -> ModerationDecision? {
        var context = ModerationContext.regular()
        context.judgedComments = judged
        context.rejectedComments = rejected
        return ModerationCheck.oftenRejected.run(context, ModerationPolicy(rejectionRatioForPreModeration: ratio))
    }

    @Test func aCommenterMostlyRejectedIsHeldOnceThereAreEnoughJudgements() {
        #expect(ModerationPolicy.minimumJudgedForRejectionRatio == 4)
        #expect(oftenRejected(judged: 4, rejected: 2) == .hold(.oftenRejected))
        #expect(oftenRejected(judged: 4, rejected: 1) == nil)
        #expect(oftenRejected(judged: 3, rejected: 3) == nil)
        #expect(oftenRejected(judged: 10, rejected: 5) == .hold(.oftenRejected))
        #expect(oftenRejected(judged: 10, rejected: 4) == nil)
    }

    @Test func aRatioOfZeroStillNeedsARejectionAndOneAboveOneNeverHolds() {
        #expect(oftenRejected(judged: 4, rejected: 0, ratio: 0) == nil)
        #expect(oftenRejected(judged: 4, rejected: 1, ratio: 0) == .hold(.oftenRejected))
        #expect(oftenRejected(judged: 4, rejected: 4, ratio: 1) == .hold(.oftenRejected))
        #expect(oftenRejected(judged: 4, rejected: 4, ratio: 1.01) == nil)
    }

    @Test func commentsAreHeldUntilTheFirstOnesAreApproved() {
        func decision(approved: Int, held: Int) -> ModerationDecision? {
            var context = ModerationContext.regular()
            context.approvedComments = approved
            return ModerationCheck.firstComments.run(context, ModerationPolicy(firstCommentsHeld: held))
        }
        #expect(decision(approved: 2, held: 3) == .hold(.firstComments))
        #expect(decision(approved: 3, held: 3) == nil)
        #expect(ModerationPolicy.defaults.firstCommentsHeld == 1)
        #expect(decision(approved: 0, held: 1) == .hold(.firstComments))
        #expect(decision(approved: 1, held: 1) == nil)
        #expect(decision(approved: 0, held: 0) == nil)
    }

    @Test func aLinkIsHeldUntilTheCommenterHasEnoughApprovedComments() {
        func decision(_ body: String, approved: Int) -> ModerationDecision? {
            var context = ModerationContext.regular(body)
            context.approvedComments = approved
            return ModerationCheck.linkFromNewCommenter.run(context, .defaults)
        }
        let link = "Cheaper here: https://pills.example/offer."
        #expect(ModerationPolicy.defaults.linksHeldUntilApproved == 3)
        #expect(decision(link, approved: 2) == .hold(.linkFromNewCommenter))
        #expect(decision(link, approved: 3) == nil)
        #expect(decision("No link here, only words.", approved: 0) == nil)
    }

    @Test func onlyWhatWouldBeRenderedAsALinkCountsAsOne() {
        var context = ModerationContext.regular()
        context.approvedComments = 0
        for body in ["see pills.example", "http://", "https://-/", "javascript:alert(1)", "www.pills.example"] {
            context.body = body
            #expect(ModerationCheck.linkFromNewCommenter.run(context, .defaults) == nil, "\(body)")
        }
        for body in ["HTTPS://pills.example", "(http://pills.example)", "x<http://pills.example>"] {
            context.body = body
            #expect(
                ModerationCheck.linkFromNewCommenter.run(context, .defaults) == .hold(.linkFromNewCommenter),
                "\(body)")
        }
    }

    @Test func aSuspectWordIsHeld() {
        let policy = ModerationPolicy(suspectWords: ["refund", "wire transfer"])
        #expect(ModerationCheck.suspectWord.run(.regular("Ask for a REFUND!"), policy) == .hold(.suspectWord))
        #expect(ModerationCheck.suspectWord.run(.regular("Pay by wire  transfer."), policy) == .hold(.suspectWord))
        #expect(ModerationCheck.suspectWord.run(.regular("Refunded wires transfer."), policy) == nil)
        #expect(ModerationCheck.suspectWord.run(.regular("Ask for a refund."), .defaults) == nil)
    }
}
