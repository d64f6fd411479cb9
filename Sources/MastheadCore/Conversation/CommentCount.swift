/// The words for how many comments a story has, as shown by the headline and on story lists.
public enum CommentCount {
    /// "No comments yet", "1 comment", "12,345 comments". Digits are grouped by hand rather than by a
    /// `NumberFormatter`, so the label reads the same on every server whatever its locale; a count below
    /// zero (bad data) reads as none.
    public static func label(_ count: Int) -> String {
        switch count {
        case ...0: return "No comments yet"
        case 1: return "1 comment"
        default: return "\(grouped(count)) comments"
        }
    }

    /// The digits of a positive number with a comma before each group of three from the right.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
