import Foundation

/// Small readers of rendered HTML, so tests assert on what a reader sees rather than on markup details.
enum PageText {
    /// The part of `html` from the first `start` to the next `end` after it.
    static func section(_ html: String, from start: String, to end: String) -> String? {
        guard let open = html.range(of: start), let close = html.range(of: end, range: open.upperBound..<html.endIndex)
        else { return nil }
        return String(html[open.lowerBound..<close.upperBound])
    }

    /// Each item of the Read next rail as "time" or "time label".
    static func readNextEntries(_ html: String) -> [String] {
        guard let rail = section(html, from: "<aside class=\"read-next\"", to: "</aside>") else { return [] }
        return rail.components(separatedBy: "<li").dropFirst().map { item in
            let time = captures(item, "<time[^>]*>([^<]*)</time>").first ?? "?"
            let label = captures(item, "class=\"story__topic\"[^>]*>([^<]*)</a>").first
            return label.map { "\(time) \($0)" } ?? time
        }
    }

    /// The first capture group of every match.
    static func captures(_ text: String, _ pattern: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The hidden CSRF field's value in the comment form.
    static func csrfField(_ html: String) -> String? {
        captures(html, "name=\"csrf_token\" value=\"([0-9a-f]*)\"").first
    }

    /// Where `needle` first appears, for checking the order of a page's parts.
    static func offset(of needle: String, in html: String) -> Int? {
        html.range(of: needle).map { html.distance(from: html.startIndex, to: $0.lowerBound) }
    }
}
