/// How the names in a byline are joined: "Anna Nowak", "Anna Nowak and John Smith",
/// "Anna Nowak, John Smith and Maria Lopez".
public enum Byline {
    /// The text to put before each of `count` names, in order.
    public static func separators(count: Int) -> [String] {
        (0..<max(count, 0)).map { index in
            index == 0 ? "" : (index == count - 1 ? " and " : ", ")
        }
    }
}
