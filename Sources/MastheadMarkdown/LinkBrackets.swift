// Links and images (spec section 6.3 and the appendix's "look for link or image"): `[` and `![` are
// pushed as brackets; a `]` looks for an inline destination, then a reference, then a footnote.

extension InlineParser {
    mutating func pushBracket(image: Bool) {
        let node = appendText(subject[(position - (image ? 2 : 1))..<position])
        if !brackets.isEmpty { brackets[brackets.count - 1].bracketAfter = true }
        brackets.append(
            Bracket(
                node: node, position: position, image: image, linksBefore: linksMade, delimiterBottom: lastDelimiter))
    }

    mutating func handleCloseBracket() {
        position += 1
        guard let opener = brackets.last else {
            appendText(subject[(position - 1)..<position])
            return
        }
        guard opener.image || opener.linksBefore == linksMade else {
            brackets.removeLast()
            appendText(subject[(position - 1)..<position])
            return
        }
        let afterBracket = position
        if let (url, title, end) = inlineDestination(at: afterBracket)
            ?? referenceDestination(at: afterBracket, opener: opener)
        {
            position = end
            makeLink(opener: opener, kind: opener.image ? .image : .link, url: url, title: title)
            return
        }
        position = afterBracket
        if options.footnotes, let definition = footnote(opener: opener, end: afterBracket - 1) {
            let reference = parser.tree.make(.footnoteReference)
            parser.tree[reference].url = parser.tree[definition].url
            parser.tree[reference].number = Int(definition)
            while lastDelimiter > opener.delimiterBottom { removeDelimiter(lastDelimiter) }
            var node = opener.node
            if opener.image {
                // `![^1]` is an exclamation mark followed by a footnote reference.
                parser.tree[node].literalCount = 1
                node = parser.tree[node].next
            }
            while node != Node.none {
                let next = parser.tree[node].next
                parser.tree.unlink(node)
                node = next
            }
            append(reference)
            brackets.removeLast()
            return
        }
        brackets.removeLast()
        appendText(subject[(afterBracket - 1)..<afterBracket])
    }

    private func inlineDestination(at start: Int) -> ([UInt8], [UInt8], Int)? {
        guard subject.at(start) == UInt8(ascii: "(") else { return nil }
        let destinationStart = skipWhitespace(from: start + 1)
        guard let destinationEnd = LinkSyntax.destinationEnd(subject, at: destinationStart, allowEmpty: true)
        else { return nil }
        let titleStart = skipWhitespace(from: destinationEnd)
        var end = titleStart
        var title: [UInt8] = []
        if titleStart > destinationEnd, let titleEnd = LinkSyntax.titleEnd(subject, at: titleStart) {
            title = LinkSyntax.title(subject, titleStart, titleEnd)
            end = skipWhitespace(from: titleEnd)
        }
        guard subject.at(end) == UInt8(ascii: ")") else { return nil }
        return (LinkSyntax.destination(subject, destinationStart, destinationEnd), title, end + 1)
    }

    private func skipWhitespace(from start: Int) -> Int {
        var index = start
        while index < subject.count && subject[index].isASCIIWhitespace { index += 1 }
        return index
    }

    private func referenceDestination(at start: Int, opener: Bracket) -> ([UInt8], [UInt8], Int)? {
        var label: String?
        var end = start
        if let labelEnd = LinkSyntax.labelEnd(subject, at: start) {
            label = LinkSyntax.normalizedLabel(subject[(start + 1)..<(labelEnd - 1)])
            end = labelEnd
        } else if subject.hasPrefix("[]", at: start) {
            end = start + 2
        }
        if label == nil {
            guard !opener.bracketAfter, start - 1 - opener.position <= LinkSyntax.maximumLabelLength else {
                return nil
            }
            label = LinkSyntax.normalizedLabel(subject[opener.position..<(start - 1)])
        }
        guard let label, !label.isEmpty, let reference = parser.references[label] else { return nil }
        return (reference.url, reference.title, end)
    }

    /// The footnote definition that `[^label]` refers to, if the bracket holds such a label.
    private func footnote(opener: Bracket, end: Int) -> Int32? {
        let start = opener.position
        guard subject.at(start) == UInt8(ascii: "^"), end - start > 1, end - start <= LinkSyntax.maximumLabelLength
        else { return nil }
        let label = subject[(start + 1)..<end]
        guard !label.contains(where: { $0.isASCIIWhitespace || $0 == UInt8(ascii: "[") }) else { return nil }
        return parser.footnotes[LinkSyntax.normalizedLabel(label)]
    }

    private mutating func makeLink(opener: Bracket, kind: NodeKind, url: [UInt8], title: [UInt8]) {
        let link = parser.tree.make(kind)
        parser.tree[link].url = url
        parser.tree[link].title = title
        parser.tree.insert(link, after: opener.node)
        parser.tree.adopt(siblingsAfter: opener.node, upTo: Node.none, into: link)
        processEmphasis(stackBottom: opener.delimiterBottom)
        parser.tree.unlink(opener.node)
        brackets.removeLast()
        if kind == .link { linksMade += 1 }
    }
}
