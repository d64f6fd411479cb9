/// A search result's snippet: the database marks the matches with two private-use characters, this
/// escapes everything and turns only those marks into `<mark>`.
public enum SearchSnippet {
    public static let start: Character = "\u{E000}"
    public static let end: Character = "\u{E001}"

    public static func html(_ raw: String) -> String {
        var output = ""
        var open = false
        for character in raw {
            if character == start, !open {
                output += "<mark>"
                open = true
            } else if character == end, open {
                output += "</mark>"
                open = false
            } else if character != start, character != end {
                output += HTMLEscaping.escape(String(character))
            }
        }
        return open ? output + "</mark>" : output
    }
}
