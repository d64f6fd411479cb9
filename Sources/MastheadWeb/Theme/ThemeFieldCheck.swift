/// Finds the names a theme's templates use that no page context has, by walking each page template
/// (and the partials and parents it includes) with the stack of contexts it is rendered with, as the
/// renderer looks names up: the first part of a name from the innermost section outwards, the rest
/// inside what the first part found.
///
/// A partial is checked where each page includes it, and a name is a problem only when it is found
/// from none of them: a partial may well use a field that only some pages have.
struct ThemeFieldCheck {
    /// The reader pages a theme renders. A page context missing here is not checked against its template.
    static let pages: [any PageContext.Type] = [
        HomePage.self, ArticlePage.self, TopicPage.self, AuthorPage.self, EntityPage.self, NotFoundPage.self,
        ErrorPage.self, SearchPage.self, AccountPage.self, CommentThreadPage.self, CommentEditPage.self,
        CommentReportPage.self,
    ]

    /// Partials include themselves (a comment's replies); past this depth the walk has seen every stack
    /// a name could be looked up in.
    private static let maximumDepth = 8

    /// Parsed templates' tags by template name.
    let templates: [String: [TemplateTag]]
    /// Every name used, by where, and whether any walk found it.
    private var uses: [Use: Bool] = [:]

    private struct Use: Hashable, Comparable {
        let template: String
        let line: Int
        let name: String

        static func < (lhs: Use, rhs: Use) -> Bool {
            (lhs.template, lhs.line, lhs.name) < (rhs.template, rhs.line, rhs.name)
        }
    }

    init(templates: [String: [TemplateTag]]) {
        self.templates = templates
    }

    /// One problem for each name no page that reaches it has, in template and line order.
    mutating func problems(pages: [any PageContext.Type] = Self.pages) -> [ThemeProblem] {
        for page in pages where templates[page.template] != nil {
            walk(page.template, stack: [TemplateSchema.of(page)], depth: 0)
        }
        return uses.filter { !$0.value }.keys.sorted().map { use in
            ThemeProblem(
                file: "\(use.template).mustache", line: use.line,
                message: "{{\(use.name)}} names no field: no page's context has \(use.name) here.")
        }
    }

    /// A nil schema on the stack stands for a section whose name was not found: what it holds is
    /// unknown, so every name inside it counts as found rather than reported again.
    private mutating func walk(_ template: String, stack outer: [TemplateSchema?], depth: Int) {
        guard depth <= Self.maximumDepth, let tags = templates[template] else { return }
        var stack = outer
        for tag in tags {
            switch tag.kind {
            case .variable:
                _ = look(up: tag, in: stack, template: template)
            case .section:
                let schema = look(up: tag, in: stack, template: template)
                stack.append(schema)
            case .invertedSection:
                _ = look(up: tag, in: stack, template: template)
                stack.append(TemplateSchema())
            case .dynamicPartial:
                _ = look(up: tag, in: stack, template: template)
            case .partial:
                walk(tag.name, stack: stack, depth: depth + 1)
            case .parent:
                walk(tag.name, stack: stack, depth: depth + 1)
                stack.append(TemplateSchema())
            case .block:
                stack.append(TemplateSchema())
            case .close:
                if stack.count > outer.count { stack.removeLast() }
            }
        }
    }

    /// What the tag's name finds (nil when unknown), noting whether it was found.
    private mutating func look(up tag: TemplateTag, in stack: [TemplateSchema?], template: String) -> TemplateSchema? {
        guard tag.name != "." else { return TemplateSchema() }
        let names = tag.name.split(separator: ".").map(String.init)
        var current: TemplateSchema?
        var known = false
        if let first = names.first {
            for level in stack.reversed() {
                guard let level else {
                    known = true
                    break
                }
                if let schema = level.fields[first] {
                    current = schema
                    known = true
                    break
                }
            }
        }
        if known, current != nil {
            for name in names.dropFirst() {
                current = current?.fields[name]
                if current == nil {
                    known = false
                    break
                }
            }
        }
        let use = Use(template: template, line: tag.line, name: tag.name)
        uses[use] = (uses[use] ?? false) || known
        return known ? current : nil
    }
}
