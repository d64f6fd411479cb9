// The HTML of GFM footnotes, in cmark-gfm's format: numbered references, then a section listing the
// definitions in the order they were first referred to, each with links back to its references.

extension HTMLRenderer {
    mutating func renderFootnoteReference(_ reference: Node) {
        let definition = Int32(reference.number)
        let number: Int
        if let known = footnoteNumbers[definition] {
            number = known
        } else {
            footnoteOrder.append(definition)
            number = footnoteOrder.count
            footnoteNumbers[definition] = number
        }
        let count = (footnoteReferenceCounts[definition] ?? 0) + 1
        footnoteReferenceCounts[definition] = count
        let label = tree[definition].url
        append("<sup class=\"footnote-ref\"><a href=\"#fn-")
        HTMLEscaping.escapeHref(label, into: &out)
        append("\" id=\"fnref-")
        HTMLEscaping.escapeHref(label, into: &out)
        if count > 1 { append("-\(count)") }
        append("\" data-footnote-ref>\(number)</a></sup>")
    }

    mutating func renderFootnotes() {
        append("<section class=\"footnotes\" data-footnotes>\n<ol>\n")
        // Definitions can refer to footnotes not yet listed, which then join the end of the list.
        var index = 0
        while index < footnoteOrder.count {
            let definition = footnoteOrder[index]
            backrefWritten = false
            append("<li id=\"fn-")
            HTMLEscaping.escapeHref(tree[definition].url, into: &out)
            append("\">\n")
            walk(definition)
            if !backrefWritten {
                writeBackreferences(definition)
                out.append(.newline)
            }
            append("</li>\n")
            index += 1
        }
        append("</ol>\n</section>\n")
    }

    mutating func writeBackreferences(_ definition: Int32) {
        guard !backrefWritten else { return }
        backrefWritten = true
        let label = tree[definition].url
        let number = footnoteNumbers[definition] ?? 0
        let count = footnoteReferenceCounts[definition] ?? 1
        for occurrence in 1...max(count, 1) {
            let suffix = occurrence == 1 ? "" : "-\(occurrence)"
            if occurrence > 1 { out.append(.space) }
            append("<a href=\"#fnref-")
            HTMLEscaping.escapeHref(label, into: &out)
            append("\(suffix)\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"")
            append("\(number)\(suffix)\" aria-label=\"Back to reference \(number)\(suffix)\">↩")
            if occurrence > 1 { append("<sup class=\"footnote-ref\">\(occurrence)</sup>") }
            append("</a>")
        }
    }

    private mutating func append(_ text: String) {
        out.append(contentsOf: text.utf8)
    }
}
