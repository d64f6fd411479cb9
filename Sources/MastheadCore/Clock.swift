import Foundation

/// The current time, passed in so that pages and rules can be tested at a pinned moment.
public struct NewsClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public var now: Date { read() }

    public static let system = NewsClock { Date() }

    public static func fixed(_ date: Date) -> NewsClock {
        NewsClock { date }
    }
}
