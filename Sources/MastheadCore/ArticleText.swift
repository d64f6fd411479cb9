import Foundation

/// A story as plain words, for what reads it rather than shows it (named entities, who said what,
/// related stories): headline, lede and the rendered body's text, one paragraph to a block, with
/// markup gone and character references decoded.
public enum ArticleText {
    /// Elements that end a paragraph of text, so a sentence never runs from one block into the next.
    static let blockElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br", "tr", "td", "th", "div", "figure",
        "figcaption", "pre", "hr", "ul", "ol", "table",
    ]

    public static func plain(headline: String, lede: String, bodyHTML: String) -> String {
        ([headline, lede] + paragraphs(ofHTML: bodyHTML)).joined(separator: "\n\n")
    }

    /// The rendered body's paragraphs as plain text.
    public static func paragraphs(ofHTML bodyHTML: String) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        var tokenizer = HTMLTokenizer(bodyHTML)
        func endParagraph() {
            let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { paragraphs.append(trimmed) }
            current = ""
        }
        while let token = tokenizer.next() {
            switch token {
            case .text(let text):
                current += HTMLEntities.decode(text)
            case .startTag(let name, _), .endTag(let name):
                if blockElements.contains(name) { endParagraph() }
                if case .startTag = token, name == "script" || name == "style" { tokenizer.skipRawText(until: name) }
            }
        }
        endParagraph()
        return paragraphs
    }
}
