/// Parses Mustache (https://mustache.github.io/mustache.5.html): variables, `{{{raw}}}` and `{{&raw}}`,
/// sections, inverted sections, comments, partials, set delimiters, and the spec's optional dynamic
/// names (`{{>*path}}`) and inheritance (`{{<parent}}` with `{{$block}}`). A section, partial, comment
/// or delimiter tag alone on its line takes the line with it, so templates can be laid out one tag per
/// line without leaving blank lines in the page.
struct TemplateParser {
    private enum Item {
        case text([UInt8])
        case tag(Tag)
    }

    fileprivate struct Tag {
        enum Kind {
            case variable, raw, section, inverted, close, partial, dynamicPartial, parent, block, comment, delimiters
        }
        var kind: Kind
        var name: String
        var line: Int
        var standalone = false
        var indentation = ""

        /// Only tags that print nothing themselves may stand alone on a line and take it away.
        var canStandAlone: Bool { kind != .variable && kind != .raw }

        /// The spec's "Standalone Indentation": a partial alone on its line indents each line of its
        /// template (not of the values rendered into it) as the tag was indented.
        var partialIndentation: [UInt8]? { standalone ? Array(indentation.utf8) : nil }
    }

    private let source: [UInt8]
    private var items: [Item] = []
    private var lineStart = 0
    private var line = 1
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        try parseOutlined(text).nodes
    }

    /// The nodes, and every tag that names something with its line, for checks that point at a line.
    static func parseOutlined(_ text: String) throws(TemplateSyntaxError) -> (
        nodes: [TemplateNode], tags: [TemplateTag]
    ) {
        var parser = TemplateParser(source: Array(text.utf8))
        try parser.scan()
        let nodes = try parser.tree()
        let tags = parser.items.compactMap { item -> TemplateTag? in
            guard case .tag(let tag) = item, let kind = TemplateTag.Kind(tag.kind) else { return nil }
            return TemplateTag(kind: kind, name: tag.name, line: tag.line)
        }
        return (nodes, tags)
    }

    private init(source: [UInt8]) {
        self.source = source
    }

    private mutating func scan() throws(TemplateSyntaxError) {
        var position = 0
        while position < source.count {
            let tagStart = find(open, from: position) ?? source.count
            appendText(source[position..<tagStart])
            guard tagStart < source.count else { break }
            position = try readTag(at: tagStart)
        }
        endLine()
    }

    /// Text is split at line ends so each line can be checked for a standalone tag.
    private mutating func appendText(_ text: ArraySlice<UInt8>) {
        var start = text.startIndex
        while let newline = text[start...].firstIndex(of: UInt8(ascii: "\n")) {
            items.append(.text(Array(text[start...newline])))
            endLine()
            line += 1
            start = newline + 1
        }
        if start < text.endIndex { items.append(.text(Array(text[start...]))) }
    }

    private mutating func readTag(at start: Int) throws(TemplateSyntaxError) -> Int {
        var contentStart = start + open.count
        var closing = close
        if open == Array("{{".utf8), contentStart < source.count, source[contentStart] == UInt8(ascii: "{") {
            closing = Array("}}}".utf8)
            contentStart += 1
        }
        guard let end = find(closing, from: contentStart) else {
            throw TemplateSyntaxError(line: line, message: "a tag is opened and never closed")
        }
        let content = String(decoding: source[contentStart..<end], as: UTF8.self)
        let lineBreaks = source[contentStart..<end].count { $0 == UInt8(ascii: "\n") }
        var tag = try classify(content, triple: closing.count == 3)
        tag.line = line
        line += lineBreaks
        if tag.kind == .delimiters {
            let parts = tag.name.split(whereSeparator: \.isWhitespace)
            guard parts.count == 2 else {
                throw TemplateSyntaxError(
                    line: tag.line, message: "a delimiter tag needs two delimiters, as {{=<% %>=}}")
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        }
        items.append(.tag(tag))
        return end + closing.count
    }

    private func classify(_ content: String, triple: Bool) throws(TemplateSyntaxError) -> Tag {
        let trimmed = content.trimmingWhitespace
        if triple { return Tag(kind: .raw, name: trimmed, line: line) }
        guard let sigil = trimmed.first else {
            throw TemplateSyntaxError(line: line, message: "a tag has no name")
        }
        let rest = String(trimmed.dropFirst()).trimmingWhitespace
        let kind: Tag.Kind
        switch sigil {
        case "#": kind = .section
        case "^": kind = .inverted
        case "/": kind = .close
        case ">" where rest.hasPrefix("*"):
            let path = String(rest.dropFirst()).trimmingWhitespace
            guard !path.isEmpty else {
                throw TemplateSyntaxError(line: line, message: "the tag {{>*}} has no name to look up")
            }
            return Tag(kind: .dynamicPartial, name: path, line: line)
        case ">": kind = .partial
        case "<": kind = .parent
        case "$": kind = .block
        case "&": kind = .raw
        case "!": return Tag(kind: .comment, name: "", line: line)
        case "=":
            guard rest.hasSuffix("=") else {
                throw TemplateSyntaxError(line: line, message: "a delimiter tag must end with =, as {{=<% %>=}}")
            }
            return Tag(kind: .delimiters, name: String(rest.dropLast()), line: line)
        default: return Tag(kind: .variable, name: trimmed, line: line)
        }
        guard !rest.isEmpty else {
            throw TemplateSyntaxError(line: line, message: "the tag {{\(sigil)}} has no name")
        }
        return Tag(kind: kind, name: rest, line: line)
    }

    /// A line holding one tag that prints nothing and otherwise only spaces loses the spaces and its
    /// line break; a partial on such a line keeps the spaces as its indentation.
    private mutating func endLine() {
        defer { lineStart = items.count }
        var tagIndex: Int?
        var indentation: [UInt8] = []
        for index in lineStart..<items.count {
            switch items[index] {
            case .tag(let tag):
                guard tagIndex == nil, tag.canStandAlone else { return }
                tagIndex = index
            case .text(let bytes):
                guard bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) else { return }
                if tagIndex == nil { indentation += bytes }
            }
        }
        guard let tagIndex, case .tag(var tag) = items[tagIndex] else { return }
        tag.standalone = true
        tag.indentation = String(decoding: indentation, as: UTF8.self)
        items.removeSubrange(lineStart..<items.count)
        items.append(.tag(tag))
    }

    private struct Frame {
        var tag: Tag
        var nodes: [TemplateNode] = []
    }

    private func tree() throws(TemplateSyntaxError) -> [TemplateNode] {
        var frames = [Frame(tag: Tag(kind: .section, name: "", line: 0))]
        var pendingText: [UInt8] = []
        func flushText() {
            if !pendingText.isEmpty { frames[frames.count - 1].nodes.append(.text(pendingText)) }
            pendingText = []
        }
        for item in items {
            guard case .tag(let tag) = item else {
                if case .text(let bytes) = item { pendingText += bytes }
                continue
            }
            flushText()
            switch tag.kind {
            case .variable, .raw:
                frames[frames.count - 1].nodes.append(.variable(TemplatePath(tag.name), escaped: tag.kind == .variable))
            case .partial:
                frames[frames.count - 1].nodes.append(.partial(tag.name, indentation: tag.partialIndentation))
            case .dynamicPartial:
                frames[frames.count - 1].nodes.append(
                    .dynamicPartial(TemplatePath(tag.name), indentation: tag.partialIndentation))
            case .section, .inverted, .parent, .block:
                frames.append(Frame(tag: tag))
            case .close:
                guard frames.count > 1, let opened = frames.last, opened.tag.name == tag.name else {
                    let inside =
                        frames.count > 1
                        ? " inside {{\(frames[frames.count - 1].tag.name)}} from line \(frames[frames.count - 1].tag.line)"
                        : ""
                    throw TemplateSyntaxError(
                        line: tag.line, message: "{{/\(tag.name)}} closes nothing that is open\(inside)")
                }
                frames.removeLast()
                frames[frames.count - 1].nodes.append(Self.node(closing: opened))
            case .comment, .delimiters:
                continue
            }
        }
        flushText()
        if frames.count > 1, let unclosed = frames.last {
            throw TemplateSyntaxError(line: unclosed.tag.line, message: "{{\(unclosed.tag.name)}} is never closed")
        }
        return frames[0].nodes
    }

    private static func node(closing frame: Frame) -> TemplateNode {
        switch frame.tag.kind {
        case .inverted: return .section(TemplatePath(frame.tag.name), frame.nodes, inverted: true)
        case .block: return .block(frame.tag.name, frame.nodes)
        case .parent:
            var blocks: [String: [TemplateNode]] = [:]
            for case .block(let name, let nodes) in frame.nodes { blocks[name] = nodes }
            return .parent(frame.tag.name, blocks: blocks)
        default: return .section(TemplatePath(frame.tag.name), frame.nodes, inverted: false)
        }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start <= source.count - needle.count else { return nil }
        var index = start
        while index <= source.count - needle.count {
            if source[index] == first && source[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension TemplateTag.Kind {
    fileprivate init?(_ kind: TemplateParser.Tag.Kind) {
        switch kind {
        case .variable, .raw: self = .variable
        case .section: self = .section
        case .inverted: self = .invertedSection
        case .close: self = .close
        case .partial: self = .partial
        case .dynamicPartial: self = .dynamicPartial
        case .parent: self = .parent
        case .block: self = .block
        case .comment, .delimiters: return nil
        }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
