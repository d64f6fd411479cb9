import Foundation
import MastheadCore
import Testing

@Suite struct SignInThrottleTests {
    let now = Date(timeIntervalSince1970: 1_000_000)

    @Test func theAttemptPastALimitWaitsUntilItsWindowEnds() {
        let throttle = SignInThrottle()
        let started = now.addingTimeInterval(-10 * 60)
        #expect(throttle.retryAfter(.account, count: 5, windowStart: started, now: now) == nil)
        #expect(throttle.retryAfter(.account, count: 6, windowStart: started, now: now) == 300)
        #expect(throttle.retryAfter(.accountAtAddress, count: 6, windowStart: now, now: now) == 900)
        #expect(throttle.retryAfter(.account, count: 6, windowStart: now.addingTimeInterval(-899.5), now: now) == 1)
    }

    @Test func anAddressMayFailFarMoreOftenThanAnAccount() {
        let throttle = SignInThrottle()
        #expect(throttle.limit(.accountAtAddress) == 5)
        #expect(throttle.limit(.account) == 5)
        #expect(throttle.limit(.address) == 50)
        #expect(throttle.retryAfter(.address, count: 6, windowStart: now, now: now) == nil)
        #expect(throttle.retryAfter(.address, count: 51, windowStart: now, now: now) == 900)
    }
}
