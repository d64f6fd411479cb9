/// Turns a reader's plain-text comment into HTML: every character escaped, blank lines between
/// paragraphs, single line breaks kept, and http(s) addresses made into links that pass no ranking
/// credit and no window access (`rel="nofollow ugc noopener"`).
///
/// Readers cannot write HTML or Markdown in comments; whatever they type is shown exactly as typed.
public enum CommentText {
    public static let linkRel = "nofollow ugc noopener"

    public static func html(_ text: String) -> String {
        let paragraphs = text.withNewlineEndings.components(separatedBy: "\n")
            .split(whereSeparator: { $0.allSatisfy(\.isWhitespace) })
        return paragraphs.map { lines in
            "<p>" + lines.map { linkify($0.trimmingTrailingWhitespace()) }.joined(separator: "<br>\n") + "</p>"
        }.joined(separator: "\n")
    }

    /// Whether ``html(_:)`` would make a link of any part of the text. Moderation holds links from
    /// newcomers, and must see a link exactly where readers would be offered one to click.
    public static func containsLink(_ text: String) -> Bool {
        var rest = Substring(text)
        while let start = nextURLStart(in: rest) {
            let (url, isLink) = address(at: start, in: rest)
            if isLink { return true }
            rest = rest[url.endIndex...]
        }
        return false
    }

    /// Escapes a line and links each http(s) URL in it.
    static func linkify(_ line: String) -> String {
        var output = ""
        var rest = Substring(line)
        while let start = nextURLStart(in: rest) {
            output += HTMLEscaping.escape(String(rest[..<start]))
            let (url, isLink) = address(at: start, in: rest)
            let escaped = HTMLEscaping.escape(String(url))
            output += isLink ? "<a href=\"\(escaped)\" rel=\"\(linkRel)\">\(escaped)</a>" : escaped
            rest = rest[url.endIndex...]
        }
        return output + HTMLEscaping.escape(String(rest))
    }

    /// The address starting at `start`, up to where a link would end, and whether it is one: a bare
    /// scheme or one followed by punctuation stays text.
    private static func address(at start: Substring.Index, in text: Substring) -> (url: Substring, isLink: Bool) {
        let candidate = text[start...].prefix { character in
            !character.isWhitespace && !"<>\"'`".contains(character)
                && !character.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
        let url = trimTrailingPunctuation(candidate)
        let schemeLength = url.lowercased().hasPrefix("https://") ? 8 : 7
        return (url, url.dropFirst(schemeLength).first.map({ $0.isLetter || $0.isNumber }) == true)
    }

    private static func nextURLStart(in text: Substring) -> Substring.Index? {
        var searchStart = text.startIndex
        while let found = text[searchStart...].range(of: "http", options: .caseInsensitive) {
            let head = text[found.lowerBound...].prefix(8).lowercased()
            if head.hasPrefix("http://") || head.hasPrefix("https://") { return found.lowerBound }
            searchStart = found.upperBound
        }
        return nil
    }

    /// Sentence punctuation after a URL belongs to the sentence; a closing parenthesis stays when the
    /// URL opened one itself (Wikipedia-style addresses).
    private static func trimTrailingPunctuation(_ url: Substring) -> Substring {
        var result = url
        var unmatchedClosing = url.filter { $0 == ")" }.count - url.filter { $0 == "(" }.count
        while let last = result.last {
            if ".,;:!?".contains(last) {
                result = result.dropLast()
            } else if last == ")", unmatchedClosing > 0 {
                result = result.dropLast()
                unmatchedClosing -= 1
            } else {
                break
            }
        }
        return result
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> String {
        var result = String(self)
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }
}
