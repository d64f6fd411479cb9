@testable import MastheadWeb

extension TemplateValue {
    /// A value read field by field with `Mirror`, as the renderer once read every context: what the
    /// struct holds, for tests that check ``TemplateEncoder`` leaves nothing out and adds nothing.
    static func reflecting(_ value: Any) -> TemplateValue? {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .flag(flag)
        case let number as Int: return .number(number)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { reflecting($0.value) }
        case .struct, .class:
            var fields = TemplateFields()
            for case (let label?, let child) in mirror.children { fields[label] = reflecting(child) }
            return .fields(fields)
        case .collection:
            return .list(mirror.children.compactMap { reflecting($0.value) })
        default:
            return .text(String(describing: value))
        }
    }
}
