import Foundation

/// Reads a theme folder the way start-up does, but names every problem instead of stopping at the
/// first: for theme authors (`masthead theme check DIR`) before a site runs their theme.
public enum ThemeCheck {
    /// Every problem in the folder's templates, by file and line: templates that do not parse (a
    /// section never closed, a closing tag that does not match, a broken tag), partials and parents
    /// that name no template of the theme, the page templates a theme must have, and names that no
    /// page's context has (``ThemeFieldCheck``).
    public static func problems(inDirectory directory: String) throws -> [ThemeProblem] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
            $0.hasSuffix(".mustache")
        }.sorted()
        let names = Set(files.map { String($0.dropLast(".mustache".count)) })
        var problems = Theme.requiredTemplates.filter { !names.contains($0) }.map {
            ThemeProblem(file: "\($0).mustache", line: nil, message: "is missing: every theme needs this template.")
        }
        var parsed: [String: [TemplateTag]] = [:]
        for file in files {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            let tags: [TemplateTag]
            do {
                tags = try TemplateParser.parseOutlined(text).tags
            } catch {
                problems.append(ThemeProblem(file: file, line: error.line, message: error.message))
                continue
            }
            parsed[String(file.dropLast(".mustache".count))] = tags
            for tag in tags {
                switch tag.kind {
                case .partial where !names.contains(tag.name):
                    problems.append(
                        ThemeProblem(
                            file: file, line: tag.line,
                            message: "{{> \(tag.name)}} names no template: the theme has no \(tag.name).mustache."))
                case .parent where !names.contains(tag.name):
                    problems.append(
                        ThemeProblem(
                            file: file, line: tag.line,
                            message: "{{< \(tag.name)}} names no template: the theme has no \(tag.name).mustache."))
                default: continue
                }
            }
        }
        var fields = ThemeFieldCheck(templates: parsed)
        return problems + fields.problems()
    }
}
