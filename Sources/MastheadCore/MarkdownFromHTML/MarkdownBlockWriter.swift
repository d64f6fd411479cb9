import Foundation

/// Writes block-level HTML (paragraphs, headings, lists, quotes, code, figures) as Markdown blocks.
struct MarkdownBlockWriter {
    private let inline = MarkdownInlineWriter()

    func blocks(_ nodes: [HTMLNode]) -> [String] {
        var blocks: [String] = []
        var run: [HTMLNode] = []
        func flush() {
            let paragraph = inline.paragraph(run)
            if !paragraph.isEmpty { blocks.append(paragraph) }
            run.removeAll()
        }
        for node in nodes {
            guard let name = node.name, Self.blockNames.contains(name) else {
                run.append(node)
                continue
            }
            flush()
            if let block = block(node, name: name), !block.isEmpty { blocks.append(block) }
        }
        flush()
        return blocks
    }

    static let blockNames: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr", "figure", "table",
        "section",
    ]

    private func block(_ node: HTMLNode, name: String) -> String? {
        switch name {
        case "p":
            return inline.paragraph(node.children)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let text = inline.line(node.children)
            guard !text.isEmpty else { return nil }
            return String(repeating: "#", count: Int(String(name.last!))!) + " " + text
        case "ul", "ol":
            return list(node, ordered: name == "ol")
        case "li":
            return list(.element(name: "ul", attributes: [:], children: [node]), ordered: false)
        case "blockquote":
            let inner = blocks(node.children).joined(separator: "\n\n")
            guard !inner.isEmpty else { return nil }
            return inner.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        case "pre":
            return codeBlock(node)
        case "hr":
            return "---"
        case "figure":
            return figure(node)
        default:
            return HTMLOneLine.write(node)
        }
    }

    private func list(_ node: HTMLNode, ordered: Bool) -> String? {
        let start = node.attributes["start"].flatMap { Int($0) } ?? 1
        var items: [String] = []
        for item in node.children where item.name == "li" {
            let marker = ordered ? "\(start + items.count). " : "- "
            let content = blocks(item.children)
            // A list item of inline text and a nested list stays tight; paragraphs inside make it loose.
            let loose = item.children.contains { $0.name == "p" }
            let body = content.joined(separator: loose ? "\n\n" : "\n")
            let indent = String(repeating: " ", count: marker.count)
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            let text = lines.enumerated().map { index, line in
                index == 0 ? marker + line : (line.isEmpty ? "" : indent + line)
            }.joined(separator: "\n")
            items.append(lines.isEmpty || body.isEmpty ? marker.trimmingTrailingSpace : text)
        }
        return items.isEmpty ? nil : items.joined(separator: "\n")
    }

    private func codeBlock(_ node: HTMLNode) -> String {
        let code = node.children.first { $0.name == "code" }
        let language = code?.attributes["class"].map { String($0.dropFirst("language-".count)) } ?? ""
        var text = node.plainText
        if text.hasSuffix("\n") { text.removeLast() }
        var fence = "```"
        while text.contains(fence) { fence += "`" }
        return fence + language + "\n" + text + "\n" + fence
    }

    /// A picture with its caption keeps its markup; an embed (a figure of a link and a caption, once
    /// the sanitizer has dropped the player) becomes the link and its caption.
    private func figure(_ node: HTMLNode) -> String? {
        if node.containsImage { return HTMLOneLine.write(node) }
        let caption = node.children.first { $0.name == "figcaption" }
        let body = blocks(node.children.filter { $0.name != "figcaption" })
        let captionText = caption.map { inline.line($0.children) } ?? ""
        let parts = body + (captionText.isEmpty ? [] : ["*" + captionText + "*"])
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
}

extension String {
    fileprivate var trimmingTrailingSpace: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}

extension HTMLNode {
    fileprivate var containsImage: Bool {
        name == "img" || children.contains { $0.containsImage }
    }
}
