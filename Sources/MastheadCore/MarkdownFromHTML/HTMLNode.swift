/// Sanitized HTML read back as a tree, for turning it into Markdown. The sanitizer balances every tag,
/// so the tree is built by nesting each start tag until its end tag.
indirect enum HTMLNode {
    case text(String)
    case element(name: String, attributes: [String: String], children: [HTMLNode])

    /// Reads the sanitizer's output; text and attribute values have their references decoded.
    static func parse(sanitized html: String) -> [HTMLNode] {
        var tokenizer = HTMLTokenizer(html)
        var stack: [(name: String, attributes: [String: String], children: [HTMLNode])] = [("", [:], [])]
        while let token = tokenizer.next() {
            switch token {
            case .text(let text):
                stack[stack.count - 1].children.append(.text(HTMLEntities.decode(text)))
            case .startTag(let name, let attributes):
                var values: [String: String] = [:]
                for (attribute, value) in attributes { values[attribute] = HTMLEntities.decode(value) }
                if HTMLSanitizer.voidTags.contains(name) {
                    stack[stack.count - 1].children.append(.element(name: name, attributes: values, children: []))
                } else {
                    stack.append((name, values, []))
                }
            case .endTag(let name):
                guard stack.count > 1, stack[stack.count - 1].name == name else { continue }
                let done = stack.removeLast()
                stack[stack.count - 1].children.append(
                    .element(name: done.name, attributes: done.attributes, children: done.children))
            }
        }
        while stack.count > 1 {
            let done = stack.removeLast()
            stack[stack.count - 1].children.append(
                .element(name: done.name, attributes: done.attributes, children: done.children))
        }
        return stack[0].children
    }

    var name: String? {
        if case .element(let name, _, _) = self { name } else { nil }
    }

    var children: [HTMLNode] {
        if case .element(_, _, let children) = self { children } else { [] }
    }

    var attributes: [String: String] {
        if case .element(_, let attributes, _) = self { attributes } else { [:] }
    }

    /// All the text inside, tags dropped.
    var plainText: String {
        switch self {
        case .text(let text): text
        case .element(_, _, let children): children.map(\.plainText).joined()
        }
    }
}
