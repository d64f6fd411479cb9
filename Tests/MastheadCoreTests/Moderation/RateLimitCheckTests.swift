import MastheadCore
import Testing

@Suite struct RateLimitCheckTests {
    let policy = ModerationPolicy(
        perCommenterLimit: RateLimit(count: 5, window: 600), perAddressLimit: RateLimit(count: 20, window: 600))

    func decision(commenter: Int = 0, oldest: Double? = nil, address: Int = 0, oldestFromAddress: Double? = nil)
        -> ModerationDecision?
    {
        var context = ModerationContext.regular()
        context.commenterRecentCount = commenter
        context.oldestInCommenterWindow = oldest
        context.addressRecentCount = address
        context.oldestInAddressWindow = oldestFromAddress
        return ModerationCheck.rateLimit.run(context, policy)
    }

    @Test func theCommenterWaitsUntilTheOldestCommentLeavesTheWindow() {
        #expect(decision(commenter: 4, oldest: 120) == nil)
        #expect(decision(commenter: 5, oldest: 120) == .rateLimited(retryAfter: 480))
        #expect(decision(commenter: 9, oldest: 120) == .rateLimited(retryAfter: 480))
    }

    @Test func theAddressHasItsOwnLimit() {
        #expect(decision(address: 19, oldestFromAddress: 60) == nil)
        #expect(decision(address: 20, oldestFromAddress: 60) == .rateLimited(retryAfter: 540))
    }

    @Test func theWaitIsWholeSecondsAndAtLeastOne() {
        #expect(decision(commenter: 5, oldest: 119.5) == .rateLimited(retryAfter: 481))
        #expect(decision(commenter: 5, oldest: 600) == .rateLimited(retryAfter: 1))
        #expect(decision(commenter: 5, oldest: 900) == .rateLimited(retryAfter: 1))
    }

    @Test func withoutAnAgeTheWholeWindowIsWaited() {
        #expect(decision(commenter: 5) == .rateLimited(retryAfter: 600))
    }

    @Test func whenBothLimitsAreReachedTheLongerWaitIsGiven() {
        #expect(
            decision(commenter: 5, oldest: 500, address: 20, oldestFromAddress: 100) == .rateLimited(retryAfter: 500))
        #expect(
            decision(commenter: 5, oldest: 100, address: 20, oldestFromAddress: 500) == .rateLimited(retryAfter: 500))
    }

    @Test func aLimitBelowOneStillAllowsOneCommentPerWindow() {
        let closed = ModerationPolicy(perCommenterLimit: RateLimit(count: 0, window: 600))
        var context = ModerationContext.regular()
        #expect(ModerationCheck.rateLimit.run(context, closed) == nil)
        context.commenterRecentCount = 1
        context.oldestInCommenterWindow = 10
        #expect(ModerationCheck.rateLimit.run(context, closed) == .rateLimited(retryAfter: 590))
    }
}
