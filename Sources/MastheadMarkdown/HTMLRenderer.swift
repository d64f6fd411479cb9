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
        if altTextOf != Node.none {
            switch tree[node].kind {
            case .text, .code, .inlineHTML: HTMLEscaping.escape(tree.literal(node), into: &out)
            case .softBreak, .hardBreak: out.append(.space)
            default: break
            }
            return true
        }
        switch tree[node].kind {
        case .document, .footnoteDefinition:
            return tree[node].kind == .document
        case .blockQuote:
            newlineIfNeeded()
            put("<blockquote>\n")
        case .list:
            newlineIfNeeded()
            if !tree[node].list.ordered {
                put("<ul>\n")
            } else if tree[node].list.start == 1 {
                put("<ol>\n")
            } else {
                put("<ol start=\"")
                put(number: tree[node].list.start)
                put("\">\n")
            }
        case .item:
            newlineIfNeeded()
            put("<li>")
            if tree[node].number == 1 { put("<input type=\"checkbox\" disabled=\"\" /> ") }
            if tree[node].number == 2 { put("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ") }
        case .heading:
            newlineIfNeeded()
            put("<h")
            put(number: tree[node].number)
            put(">")
        case .codeBlock:
            newlineIfNeeded()
            put("<pre><code")
            let info = tree[node].url
            if !info.isEmpty {
                put(" class=\"language-")
                HTMLEscaping.escape(info[..<(info.firstIndex(where: \.isASCIIWhitespace) ?? info.count)], into: &out)
                put("\"")
            }
            put(">")
            escaped(tree[node].content)
            put("</code></pre>\n")
            return false
        case .htmlBlock:
            newlineIfNeeded()
            HTMLEscaping.raw(tree[node].content[...], tagfilter: options.tagfilter, into: &out)
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
            if tree[tree[node].parent].firstChild == node {
                put("<thead>\n")
            } else if tree[tree[tree[node].parent].firstChild].next == node {
                put("<tbody>\n")
            }
            put("<tr>\n")
        case .tableCell:
            let header = tree[tree[tree[node].parent].parent].firstChild == tree[node].parent
            put(header ? "<th" : "<td")
            switch tree[node].number {
            case Tables.left: put(" align=\"left\"")
            case Tables.center: put(" align=\"center\"")
            case Tables.right: put(" align=\"right\"")
            default: break
            }
            put(">")
        case .text:
            HTMLEscaping.escape(tree.literal(node), into: &out)
        case .softBreak:
            out.append(.newline)
        case .hardBreak:
            put("<br />\n")
        case .code:
            put("<code>")
            HTMLEscaping.escape(tree.literal(node), into: &out)
            put("</code>")
        case .inlineHTML:
            HTMLEscaping.raw(tree.literal(node), tagfilter: options.tagfilter, into: &out)
        case .emphasis:
            put("<em>")
        case .strong:
            put("<strong>")
        case .strikethrough:
            put("<del>")
        case .link:
            put("<a href=\"")
            HTMLEscaping.escapeHref(tree[node].url, into: &out)
            if !tree[node].title.isEmpty {
                put("\" title=\"")
                escaped(tree[node].title)
            }
            put("\">")
        case .image:
            put("<img src=\"")
            HTMLEscaping.escapeHref(tree[node].url, into: &out)
            put("\" alt=\"")
            altTextOf = node
        case .footnoteReference:
            renderFootnoteReference(tree[node])
            return false
        }
        return true
    }

    private mutating func exit(_ node: Int32) {
        if altTextOf != Node.none {
            guard altTextOf == node else { return }
            altTextOf = Node.none
            put("\"")
            if !tree[node].title.isEmpty {
                put(" title=\"")
                escaped(tree[node].title)
                put("\"")
            }
            put(" />")
            return
        }
        switch tree[node].kind {
        case .blockQuote:
            newlineIfNeeded()
            put("</blockquote>\n")
        case .list:
            newlineIfNeeded()
            put(tree[node].list.ordered ? "</ol>\n" : "</ul>\n")
        case .item:
            put("</li>\n")
        case .heading:
            put("</h")
            put(number: tree[node].number)
            put(">\n")
        case .paragraph:
            if !isTightParagraph(node) {
                let parent = tree[node].parent
                if tree[parent].kind == .footnoteDefinition && tree[node].next == Node.none {
                    out.append(.space)
                    writeBackreferences(parent)
                }
                put("</p>\n")
            }
        case .table:
            if tree[tree[node].firstChild].next != Node.none { put("</tbody>\n") }
            put("</table>\n")
        case .tableRow:
            put("</tr>\n")
            if tree[tree[node].parent].firstChild == node { put("</thead>\n") }
        case .tableCell:
            put(tree[tree[tree[node].parent].parent].firstChild == tree[node].parent ? "</th>\n" : "</td>\n")
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
