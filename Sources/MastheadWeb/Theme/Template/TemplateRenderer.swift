import MastheadCore

/// Writes one page: walks a template's nodes against a stack of contexts, innermost last.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]
    var output: [UInt8] = []
    /// What a standalone partial puts before each line of its template (empty outside one), and
    /// whether the next line of template has yet to get it. Values rendered into the partial are left
    /// as they are, as the spec's "Standalone Indentation" asks.
    private var indentation: [UInt8] = []
    private var atLineStart = false

    init(templates: [String: [TemplateNode]]) {
        self.templates = templates
        output.reserveCapacity(32 * 1024)
    }

    mutating func render(
        _ nodes: [TemplateNode], stack: inout [TemplateValue], blocks: [String: [TemplateNode]], depth: Int
    ) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                if indentation.isEmpty { output.append(contentsOf: bytes) } else { writeIndented(bytes) }
            case .variable(let path, let escaped):
                indentLine()
                guard let value = Self.lookup(path, in: stack) else { continue }
                write(value, escaped: escaped)
            case .section(let path, let body, let inverted):
                let value = Self.lookup(path, in: stack)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(body, stack: &stack, blocks: blocks, depth: depth) }
                    continue
                }
                switch value {
                case nil, .flag(false): continue
                case .flag(true): render(body, stack: &stack, blocks: blocks, depth: depth)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(body, stack: &stack, blocks: blocks, depth: depth)
                        stack.removeLast()
                    }
                case .some(let value):
                    stack.append(value)
                    render(body, stack: &stack, blocks: blocks, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let partialIndentation):
                guard depth < TemplateLibrary.maximumDepth, let partial = templates[name] else { continue }
                renderPartial(partial, indentation: partialIndentation, stack: &stack, blocks: blocks, depth: depth)
            case .dynamicPartial(let path, let partialIndentation):
                // The path is resolved whole, then its text names the partial: a name is looked up once only.
                guard depth < TemplateLibrary.maximumDepth, case .text(let name)? = Self.lookup(path, in: stack),
                    let partial = templates[name]
                else { continue }
                renderPartial(partial, indentation: partialIndentation, stack: &stack, blocks: blocks, depth: depth)
            case .parent(let name, let overrides):
                guard depth < TemplateLibrary.maximumDepth, let parent = templates[name] else { continue }
                // The outermost template's blocks win: a child overrides its parent's own overrides.
                let merged = overrides.merging(blocks) { _, outer in outer }
                render(parent, stack: &stack, blocks: merged, depth: depth + 1)
            case .block(let name, let defaults):
                render(blocks[name] ?? defaults, stack: &stack, blocks: blocks, depth: depth)
            }
        }
    }

    /// A standalone partial is indented by its tag's indentation on top of the one it is rendered in;
    /// a partial inside a line starts where the line is and indents nothing, as if its text were pasted
    /// there.
    private mutating func renderPartial(
        _ partial: [TemplateNode], indentation own: [UInt8]?, stack: inout [TemplateValue],
        blocks: [String: [TemplateNode]], depth: Int
    ) {
        let outer = indentation
        if let own {
            indentation = outer + own
            atLineStart = !indentation.isEmpty
        } else {
            indentLine()
            indentation = []
        }
        render(partial, stack: &stack, blocks: blocks, depth: depth + 1)
        indentation = outer
        // The template goes on from the line after a standalone tag, or from within the tag's line.
        atLineStart = own != nil && !indentation.isEmpty
    }

    private mutating func indentLine() {
        guard atLineStart else { return }
        output.append(contentsOf: indentation)
        atLineStart = false
    }

    /// Template text inside an indented partial: each line that holds anything gets the indentation.
    private mutating func writeIndented(_ bytes: [UInt8]) {
        var start = 0
        while start < bytes.count {
            let end = (bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1
            if bytes[start] != UInt8(ascii: "\n") { indentLine() }
            output.append(contentsOf: bytes[start..<end])
            atLineStart = bytes[end - 1] == UInt8(ascii: "\n")
            start = end
        }
    }

    /// The first part of a path is looked up from the innermost context outwards; the rest must be
    /// fields of what it found.
    static func lookup(_ path: TemplatePath, in stack: [TemplateValue]) -> TemplateValue? {
        guard case .names(let names) = path else { return stack.last }
        // A path of dots alone (`{{..}}`) names nothing.
        guard let first = names.first else { return nil }
        var found: TemplateValue?
        var level = stack.count
        while found == nil && level > 0 {
            level -= 1
            if case .fields(let fields) = stack[level] { found = fields[first] }
        }
        for name in names.dropFirst() {
            guard case .fields(let fields) = found else { return nil }
            found = fields[name]
        }
        return found
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            if escaped { HTMLEscaping.appendEscaped(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .number(let number): output.append(contentsOf: String(number).utf8)
        case .flag(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .fields: break
        }
    }
}
