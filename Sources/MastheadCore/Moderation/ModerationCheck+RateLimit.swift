extension ModerationCheck {
    /// Too many comments lately from this commenter or from this address. When both limits are reached
    /// the longer wait is given, so that trying again after it is not refused by the other.
    public static let rateLimit = ModerationCheck(name: "rateLimit") { context, policy in
        let waits = [
            policy.perCommenterLimit.retryAfter(
                recentCount: context.commenterRecentCount, oldestAge: context.oldestInCommenterWindow),
            policy.perAddressLimit.retryAfter(
                recentCount: context.addressRecentCount, oldestAge: context.oldestInAddressWindow),
        ]
        return waits.compactMap { $0 }.max().map { .rateLimited(retryAfter: $0) }
    }
}
