/// What a template sees: text, flags, numbers, lists and named fields, nothing else.
///
/// Page contexts become one of these once per render, so looking a name up costs a scan of a few
/// signatures (``TemplateFields``) instead of the dynamic casts and reflection a renderer over `Any`
/// pays at every tag.
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

/// A context that builds its own template value, for the pages read most: written out by hand, it
/// costs a fraction of what reflecting on the struct does.
protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue {
    /// Any context value as a template value. A nil optional gives nil, so its name is left out and,
    /// as Mustache does, looked up further out in the context stack.
    static func of(_ value: Any) -> TemplateValue? {
        if let scalar = scalar(value) { return scalar }
        if let representable = value as? TemplateRepresentable { return representable.templateValue }
        return reflecting(value, preferringOwnValues: true)
    }

    private static func scalar(_ value: Any) -> TemplateValue? {
        switch value {
        case let text as String: .text(text)
        case let flag as Bool: .flag(flag)
        case let number as Int: .number(number)
        default: nil
        }
    }

    /// The value read field by field. Without `preferringOwnValues` every level is reflected, even
    /// types that build their own value: a test compares the two to prove the hand-written ones whole.
    static func reflecting(_ value: Any, preferringOwnValues: Bool) -> TemplateValue? {
        func of(_ child: Any) -> TemplateValue? {
            preferringOwnValues
                ? TemplateValue.of(child) : scalar(child) ?? reflecting(child, preferringOwnValues: false)
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return nil }
            return of(wrapped)
        case .struct, .class:
            var fields = TemplateFields()
            for case (let label?, let child) in mirror.children {
                fields[label] = of(child)
            }
            return .fields(fields)
        case .collection:
            return .list(mirror.children.compactMap { of($0.value) })
        default:
            return .text(String(describing: value))
        }
    }
}

extension Optional where Wrapped == String {
    /// A field that may be absent: nil leaves the name out, as reflection would.
    var templateValue: TemplateValue? { map(TemplateValue.text) }
}
