/// The "By …" line of an article, names in byline order: "Anna Nowak and John Smith",
/// "Anna Nowak, John Smith and Maria Lopez".
public enum Byline {
    public static func names(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        }
    }
}
