import Foundation

extension Date {
    /// The time to the whole second below. Publication times are kept at this precision so that a
    /// pagination cursor compares equal to the stored value on both databases.
    public var wholeSeconds: Date {
        Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down))
    }
}
