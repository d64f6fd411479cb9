// GFM e-mail autolinks (cmark-gfm's `postprocess_text`): after inlines are parsed, adjacent text nodes
// outside links are merged and scanned for `local@domain`, optionally prefixed by `mailto:` or `xmpp:`.

extension ExtendedAutolinks {
    static func linkEmails(_ parser: BlockParser) {
        let blockCount = parser.tree.nodes.count
        for block in 0..<Int32(blockCount) {
            let kind = parser.tree[block].kind
            guard kind == .paragraph || kind == .heading || kind == .tableCell else { continue }
            var node = parser.tree[block].firstChild
            while node != Node.none && node != block {
                let current = parser.tree[node]
                if current.kind == .text {
                    node = linkEmails(in: node, parser)
                } else if current.firstChild != Node.none && current.kind != .link && current.kind != .image {
                    node = current.firstChild
                    continue
                }
                while node != block {
                    if parser.tree[node].next != Node.none {
                        node = parser.tree[node].next
                        break
                    }
                    node = parser.tree[node].parent
                }
            }
        }
    }

    /// Merges the text run starting at `node`, splits it around e-mail links, and returns its last node.
    private static func linkEmails(in node: Int32, _ parser: BlockParser) -> Int32 {
        var next = parser.tree[node].next
        if next != Node.none && parser.tree[next].kind == .text {
            // Merged text gets a fresh range at the end of the shared buffer: the pieces need not be adjacent.
            var merged = Array(parser.tree.literal(node))
            while next != Node.none && parser.tree[next].kind == .text {
                merged += parser.tree.literal(next)
                let following = parser.tree[next].next
                parser.tree.unlink(next)
                next = following
            }
            parser.tree[node].literalStart = parser.tree.text.count
            parser.tree[node].literalCount = merged.count
            parser.tree.text += merged
        }
        let base = parser.tree[node].literalStart
        let data = Array(parser.tree.literal(node))
        guard data.contains(UInt8(ascii: "@")) else { return node }
        var pieces: [(link: [UInt8]?, text: ArraySlice<UInt8>)] = []
        var segmentStart = 0
        var searchFrom = 0
        while let at = data[searchFrom...].firstIndex(of: UInt8(ascii: "@")) {
            guard let (start, end, url) = email(data, at: at, limit: searchFrom) else {
                searchFrom = at + 1
                continue
            }
            guard let url else {
                searchFrom = end
                continue
            }
            if start > segmentStart { pieces.append((nil, data[segmentStart..<start])) }
            pieces.append((url, data[start..<end]))
            segmentStart = end
            searchFrom = end
        }
        guard !pieces.isEmpty else { return node }
        if segmentStart < data.count { pieces.append((nil, data[segmentStart...])) }
        var last = node
        for (index, piece) in pieces.enumerated() {
            var target = node
            if index == 0 {
                parser.tree[node].literalStart = base + piece.text.startIndex
                parser.tree[node].literalCount = piece.text.count
            } else {
                target = parser.tree.make(.text)
                parser.tree[target].literalStart = base + piece.text.startIndex
                parser.tree[target].literalCount = piece.text.count
            }
            if let url = piece.link {
                let link = parser.tree.make(.link)
                parser.tree[link].url = url
                if index == 0 {
                    parser.tree.insert(link, after: node)
                    parser.tree.unlink(node)
                    parser.tree.append(node, to: link)
                } else {
                    parser.tree.insert(link, after: last)
                    parser.tree.append(target, to: link)
                }
                last = link
            } else if index > 0 {
                parser.tree.insert(target, after: last)
                last = target
            }
        }
        return last
    }

    /// The e-mail link around the `@` at `at`: its range and URL. A domain that fails cmark-gfm's checks
    /// gives a nil URL and the end of what was scanned, which later matches may not reuse; a second `@`
    /// gives nil, so the scan resumes right after this one.
    private static func email(_ data: [UInt8], at: Int, limit: Int) -> (Int, Int, [UInt8]?)? {
        var rewind = 0
        var prefix = Array("mailto:".utf8)
        var xmpp = false
        while rewind < at - limit {
            let byte = data[at - rewind - 1]
            if byte.isASCIIAlphanumeric || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            {
                rewind += 1
                continue
            }
            if byte == UInt8(ascii: ":") {
                if protocolPrecedes("mailto:", data, at: at - rewind, limit: limit) {
                    prefix = []
                    rewind += 1
                    continue
                }
                if protocolPrecedes("xmpp:", data, at: at - rewind, limit: limit) {
                    prefix = []
                    xmpp = true
                    rewind += 1
                    continue
                }
            }
            break
        }
        guard rewind > 0 else { return nil }
        var length = 1
        var dots = 0
        var ats = 0
        while at + length < data.count {
            let byte = data[at + length]
            if byte == UInt8(ascii: "@") { ats += 1 }
            if byte.isASCIIAlphanumeric || byte == UInt8(ascii: "@") || (byte == UInt8(ascii: "/") && xmpp) {
                length += 1
                continue
            }
            if byte == UInt8(ascii: ".") && data.at(at + length + 1).isASCIIAlphanumeric {
                dots += 1
            } else if byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") {
                break
            }
            length += 1
        }
        guard ats == 0 else { return nil }
        let lastByte = data[at + length - 1]
        guard length >= 2, dots > 0, lastByte.isASCIILetter || lastByte == UInt8(ascii: ".") else {
            return (at, at + length, nil)
        }
        let end = trimmedEnd(data, at, at + length)
        guard end > at else { return nil }
        return (at - rewind, end, prefix + data[(at - rewind)..<end])
    }

    private static func protocolPrecedes(_ name: StaticString, _ data: [UInt8], at end: Int, limit: Int) -> Bool {
        let length = name.utf8CodeUnitCount
        let start = end - length
        guard start >= limit, data.hasPrefix(name, at: start) else { return false }
        return start == limit || !data[start - 1].isASCIIAlphanumeric
    }
}
