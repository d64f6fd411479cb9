import Foundation

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
