import Foundation
import MastheadCore

/// A theme's parsed templates by name, rendered against ``TemplateValue``s.
struct TemplateLibrary: Sendable {
    private let templates: [String: [TemplateNode]]

    /// Partials may include themselves (a comment's replies render the comment partial); a theme
    /// whose partials never stop is cut off at this depth instead of exhausting the stack.
    static let maximumDepth = 64

    init(templates: [String: [TemplateNode]]) {
        self.templates = templates
    }

    struct LoadError: Error {
        let file: String
        let error: TemplateSyntaxError
    }

    /// Every `.mustache` file in a folder, named by its file name without the extension.
    init(directory: String) throws {
        var templates: [String: [TemplateNode]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        where file.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            do {
                templates[String(file.dropLast(".mustache".count))] = try TemplateParser.parse(text)
            } catch {
                throw LoadError(file: file, error: error)
            }
        }
        self.init(templates: templates)
    }

    func contains(_ name: String) -> Bool { templates[name] != nil }

    /// The page as UTF-8, or nil when the library has no such template.
    func render(_ value: TemplateValue, template name: String) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates)
        var stack = [value]
        renderer.render(nodes, stack: &stack, blocks: [:], depth: 0)
        return renderer.output
    }
}

private struct TemplateRenderer {
    let templates: [String: [TemplateNode]]
    var output: [UInt8] = []

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
                output.append(contentsOf: bytes)
            case .variable(let path, let escaped):
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
            case .partial(let name, let indentation):
                guard depth < TemplateLibrary.maximumDepth, let partial = templates[name] else { continue }
                if indentation.isEmpty {
                    render(partial, stack: &stack, blocks: blocks, depth: depth + 1)
                } else {
                    renderIndented(partial, by: indentation, stack: &stack, blocks: blocks, depth: depth + 1)
                }
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

    private mutating func renderIndented(
        _ nodes: [TemplateNode], by indentation: String, stack: inout [TemplateValue],
        blocks: [String: [TemplateNode]], depth: Int
    ) {
        let start = output.count
        render(nodes, stack: &stack, blocks: blocks, depth: depth)
        let rendered = output[start...]
        var indented: [UInt8] = []
        var atLineStart = true
        for byte in rendered {
            if atLineStart { indented.append(contentsOf: indentation.utf8) }
            indented.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        output.replaceSubrange(start..., with: indented)
    }

    /// The first part of a path is looked up from the innermost context outwards; the rest must be
    /// fields of what it found.
    static func lookup(_ path: TemplatePath, in stack: [TemplateValue]) -> TemplateValue? {
        guard case .names(let names) = path else { return stack.last }
        var found: TemplateValue?
        var level = stack.count
        while found == nil && level > 0 {
            level -= 1
            if case .fields(let fields) = stack[level] { found = fields[names[0]] }
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
