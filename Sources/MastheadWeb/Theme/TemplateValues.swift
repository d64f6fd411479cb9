/// Flattens a page context into dictionaries and arrays once per render. Given a struct,
/// swift-mustache reflects it again at every `{{name}}` lookup (and again for every level of the
/// context stack it searches), which cost more CPU than everything else on a page together.
///
/// A nil optional leaves its key out, exactly as Mustache treats a nil field: the name is then looked
/// up further out in the context stack.
enum TemplateValues {
    static func flatten(_ value: Any) -> Any? {
        // Most values are text, numbers and flags: answered without building a Mirror, which cost as
        // much as the reflection of whole structs.
        switch value {
        case is String, is Int, is Bool, is Double: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return nil }
            return flatten(wrapped)
        case .struct, .class:
            var fields: [String: Any] = [:]
            for case (let label?, let child) in mirror.children {
                fields[label] = flatten(child)
            }
            return fields
        case .collection:
            return mirror.children.compactMap { flatten($0.value) }
        default:
            return value
        }
    }
}
