// Renders the tree to HTML in cmark's exact output format. The walk is a loop over sibling and parent
// links, never recursion, so any nesting depth renders in constant stack.

struct HTMLRenderer {
    let tree: Tree
    let options: MarkdownOptions
    var out: [UInt8] = []
    /// While set, we are inside this image's alt text, which is rendered as plain text.
    private var altTextOf = Node.none
    var footnoteOrder: [Int32] = []
    var footnoteNumbers: [Int32: Int] = [:]
    var footnoteReferenceCounts: [Int32: Int] = [:]
    var backrefWritten = false

    init(tree: Tree, options: MarkdownOptions) {
        self.tree = tree
        self.options = options
    }

    mutating func render() -> [UInt8] {
        out.reserveCapacity(tree.nodes.count * 16)
        walk(Tree.root)
        if !footnoteOrder.isEmpty { renderFootnotes() }
        return out
    }

    mutating func walk(_ root: Int32) {
        var node = tree[root].firstChild
        guard node != Node.none else { return }
        while true {
            if enter(node) {
                let child = tree[node].firstChild
                if child != Node.none {
                    node = child
                    continue
                }
                exit(node)
            }
            while tree[node].next == Node.none {
                node = tree[node].parent
                if node == root || node == Node.none { return }
                exit(node)
            }
            node = tree[node].next
        }
    }

    private mutating func newlineIfNeeded() {
        if let last = out.last, last != .newline { out.append(.newline) }
    }

    private mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private mutating func put(number: Int) {
        out.append(contentsOf: String(number).utf8)
    }

    private mutating func escaped(_ bytes: [UInt8]) {
        HTMLEscaping.escape(bytes[...], into: &out)
    }

    private func isTightParagraph(_ node: Int32) -> Bool {
        let parent = tree[node].parent
        guard parent != Node.none, tree[parent].kind == .item else { return false }
        let list = tree[parent].parent
        return list != Node.none && tree[list].kind == .list && tree[list].list.tight
    }

    /// Writes the opening of `node`; returns whether its children should be walked and `exit` called.
    private mutating func enter(_ node: Int32) -> Bool {
        let current = tree[node]
        if altTextOf != Node.none {
            switch current.kind {
            case .text, .code, .inlineHTML: escaped(current.content)
            case .softBreak, .hardBreak: out.append(.space)
            default: break
            }
            return true
        }
        switch current.kind {
        case .document, .footnoteDefinition:
            return current.kind == .document
        case .blockQuote:
            newlineIfNeeded()
            put("<blockquote>\n")
        case .list:
            newlineIfNeeded()
            if !current.list.ordered {
                put("<ul>\n")
            } else if current.list.start == 1 {
                put("<ol>\n")
            } else {
                put("<ol start=\"")
                put(number: current.list.start)
                put("\">\n")
            }
        case .item:
            newlineIfNeeded()
            put("<li>")
            if current.number == 1 { put("<input type=\"checkbox\" disabled=\"\" /> ") }
            if current.number == 2 { put("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ") }
        case .heading:
            newlineIfNeeded()
            put("<h")
            put(number: current.number)
            put(">")
        case .codeBlock:
            newlineIfNeeded()
            put("<pre><code")
            let info = current.url
            if !info.isEmpty {
                put(" class=\"language-")
                HTMLEscaping.escape(info[..<(info.firstIndex(where: \.isASCIIWhitespace) ?? info.count)], into: &out)
                put("\"")
            }
            put(">")
            escaped(current.content)
            put("</code></pre>\n")
            return false
        case .htmlBlock:
            newlineIfNeeded()
            HTMLEscaping.raw(current.content, tagfilter: options.tagfilter, into: &out)
            newlineIfNeeded()
            return false
        case .thematicBreak:
            newlineIfNeeded()
            put("<hr />\n")
            return false
        case .paragraph:
            if !isTightParagraph(node) {
                newlineIfNeeded()
                put("<p>")
            }
        case .table:
            newlineIfNeeded()
            put("<table>\n")
        case .tableRow:
            if tree[current.parent].firstChild == node {
                put("<thead>\n")
            } else if tree[tree[current.parent].firstChild].next == node {
                put("<tbody>\n")
            }
            put("<tr>\n")
        case .tableCell:
            let header = tree[tree[current.parent].parent].firstChild == current.parent
            put(header ? "<th" : "<td")
            switch current.number {
            case Tables.left: put(" align=\"left\"")
            case Tables.center: put(" align=\"center\"")
            case Tables.right: put(" align=\"right\"")
            default: break
            }
            put(">")
        case .text:
            escaped(current.content)
        case .softBreak:
            out.append(.newline)
        case .hardBreak:
            put("<br />\n")
        case .code:
            put("<code>")
            escaped(current.content)
            put("</code>")
        case .inlineHTML:
            HTMLEscaping.raw(current.content, tagfilter: options.tagfilter, into: &out)
        case .emphasis:
            put("<em>")
        case .strong:
            put("<strong>")
        case .strikethrough:
            put("<del>")
        case .link:
            put("<a href=\"")
            HTMLEscaping.escapeHref(current.url, into: &out)
            if !current.title.isEmpty {
                put("\" title=\"")
                escaped(current.title)
            }
            put("\">")
        case .image:
            put("<img src=\"")
            HTMLEscaping.escapeHref(current.url, into: &out)
            put("\" alt=\"")
            altTextOf = node
        case .footnoteReference:
            renderFootnoteReference(current)
            return false
        }
        return true
    }

    private mutating func exit(_ node: Int32) {
        let current = tree[node]
        if altTextOf != Node.none {
            guard altTextOf == node else { return }
            altTextOf = Node.none
            put("\"")
            if !current.title.isEmpty {
                put(" title=\"")
                escaped(current.title)
                put("\"")
            }
            put(" />")
            return
        }
        switch current.kind {
        case .blockQuote:
            newlineIfNeeded()
            put("</blockquote>\n")
        case .list:
            newlineIfNeeded()
            put(current.list.ordered ? "</ol>\n" : "</ul>\n")
        case .item:
            put("</li>\n")
        case .heading:
            put("</h")
            put(number: current.number)
            put(">\n")
        case .paragraph:
            if !isTightParagraph(node) {
                let parent = current.parent
                if tree[parent].kind == .footnoteDefinition && current.next == Node.none {
                    out.append(.space)
                    writeBackreferences(parent)
                }
                put("</p>\n")
            }
        case .table:
            if tree[current.firstChild].next != Node.none { put("</tbody>\n") }
            put("</table>\n")
        case .tableRow:
            put("</tr>\n")
            if tree[current.parent].firstChild == node { put("</thead>\n") }
        case .tableCell:
            put(tree[tree[current.parent].parent].firstChild == current.parent ? "</th>\n" : "</td>\n")
        case .emphasis:
            put("</em>")
        case .strong:
            put("</strong>")
        case .strikethrough:
            put("</del>")
        case .link:
            put("</a>")
        default:
            break
        }
    }
}
