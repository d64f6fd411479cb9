import Foundation

/// What narrows a search besides its words: a topic, an author, and days of publication (in the
/// site's time zone, both ends included). Read from a query string, where anything can arrive: a
/// value that is not a date is a problem to show, never an error page.
public struct SearchFilters: Sendable, Equatable {
    public var topic: Slug?
    public var author: Slug?
    /// The first instant included.
    public var from: Date?
    /// The first instant no longer included (the day after `to`).
    public var until: Date?
    /// The days as written (`2025-02-14`), when they are dates, for links to further pages.
    public var firstDay: String?
    public var lastDay: String?
    /// Sentences for the reader about values that could not be used.
    public var problems: [String] = []

    public init(topic: Slug? = nil, author: Slug? = nil, from: Date? = nil, until: Date? = nil) {
        self.topic = topic
        self.author = author
        self.from = from
        self.until = until
    }

    /// `from` and `to` are days written `2025-02-14`; empty values mean no filter.
    public init(topic: String?, author: String?, from: String?, to: String?, timeZone: TimeZone) {
        self.topic = topic.flatMap { $0.isEmpty ? nil : Slug($0) }
        self.author = author.flatMap { $0.isEmpty ? nil : Slug($0) }
        if let topic, !topic.isEmpty, self.topic == nil { problems.append("There is no such topic.") }
        if let author, !author.isEmpty, self.author == nil { problems.append("There is no such author.") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if let from, !from.isEmpty {
            self.from = Self.day(from, calendar: calendar)
            firstDay = self.from == nil ? nil : from
            if self.from == nil { problems.append("Write the first day as a date such as 2025-02-14.") }
        }
        if let to, !to.isEmpty {
            self.until = Self.day(to, calendar: calendar).flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
            lastDay = self.until == nil ? nil : to
            if self.until == nil { problems.append("Write the last day as a date such as 2025-02-14.") }
        }
    }

    /// Whether the days leave no time at all (the last before the first): nothing can match.
    public var isEmptyRange: Bool {
        guard let from, let until else { return false }
        return until <= from
    }

    public var isEmpty: Bool { topic == nil && author == nil && from == nil && until == nil }

    /// Midnight starting the day, in the calendar's zone; nil unless the text is a real day.
    static func day(_ text: String, calendar: Calendar) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: date) == components
        else { return nil }
        return date
    }
}
