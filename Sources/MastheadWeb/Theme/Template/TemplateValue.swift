/// What a template sees: text, flags, numbers, lists and named fields, nothing else.
///
/// Page contexts become one of these once per render (``TemplateEncoder``), so looking a name up costs
/// a scan of a few signatures (``TemplateFields``) instead of the dynamic casts and reflection a
/// renderer over `Any` pays at every tag.
enum TemplateValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case list([TemplateValue])
    case fields(TemplateFields)

    /// Mustache's truth: nothing, `false` and an empty list are false; everything else, even an
    /// empty string or zero, is true.
    var isTruthy: Bool {
        switch self {
        case .flag(let value): value
        case .list(let items): !items.isEmpty
        case .text, .number, .fields: true
        }
    }
}
