import Foundation
import MastheadCore

/// A WordPress post's body as an article's Markdown. Block-editor posts (Gutenberg) are HTML with
/// `<!-- wp:… -->` markers, which the sanitizer drops; classic-editor posts are stored the way their
/// author typed them and WordPress adds the paragraphs when it shows them (`wpautop`), and their
/// pictures with captions are `[caption]` shortcodes, so both are done here first.
public enum WordPressBody {
    public static func markdown(fromContent content: String) -> String {
        MarkdownFromHTML.markdown(fromHTML: html(fromContent: content))
    }

    /// The body as HTML with its paragraphs, as WordPress shows it.
    public static func html(fromContent content: String) -> String {
        let normalized = content.replacingOccurrences(of: "\r\n", with: "\n")
        return normalized.contains("<!-- wp:") ? normalized : paragraphs(captions(normalized))
    }

    /// `[caption id="…" width="300"]<img …> The caption[/caption]` as a figure with its caption.
    static func captions(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "[caption"), let close = rest[open.upperBound...].range(of: "[/caption]") {
            output += rest[..<open.lowerBound]
            let inside = rest[open.upperBound..<close.lowerBound]
            if let attributesEnd = inside.firstIndex(of: "]") {
                let body = inside[inside.index(after: attributesEnd)...]
                if let imageEnd = body.range(of: ">") {
                    let image = body[..<imageEnd.upperBound]
                    let caption = body[imageEnd.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
                    output += "<figure>\(image)<figcaption>\(caption)</figcaption></figure>"
                } else {
                    output += body
                }
            }
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// WordPress's `wpautop`, as far as Markdown needs it: text between blank lines is a paragraph,
    /// and a single line break inside one is a `<br>`; a chunk that starts with a block element is
    /// left as it is.
    static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").compactMap { chunk -> String? in
            let trimmed = chunk.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return nil }
            if startsWithBlock(trimmed) { return trimmed }
            return "<p>" + trimmed.replacingOccurrences(of: "\n", with: "<br>\n") + "</p>"
        }.joined(separator: "\n")
    }

    private static let blockTags = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure", "pre", "table", "div",
        "hr", "dl", "section", "address", "form",
    ]

    private static func startsWithBlock(_ chunk: String) -> Bool {
        guard chunk.hasPrefix("<") else { return false }
        let name = chunk.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
        return blockTags.contains(name)
    }
}
