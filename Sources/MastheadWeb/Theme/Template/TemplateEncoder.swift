/// Encodes a page context straight into a ``TemplateValue``: a context declares each field once, as a
/// stored property of an `Encodable` struct, and the compiler writes the code that hands it over.
///
/// Values map as reflection on the struct would: `String`, `Bool` and `Int` as themselves, arrays as
/// lists, structs as fields, and a nil optional leaves its name out, so a template looks it up further
/// out, as Mustache does. Any other scalar becomes its description. There is no JSON in between: the
/// synthesized `encode(to:)` calls land here, and each nested struct costs one small object.
enum TemplateEncoder {
    static func encode(_ value: some Encodable) -> TemplateValue {
        templateValue(of: value) ?? .fields([:])
    }

    /// Nil for a value that encodes nothing, such as a nil optional.
    static func templateValue<T: Encodable>(of value: T) -> TemplateValue? {
        // The common scalars skip making an encoder (a metatype comparison, no dynamic cast).
        if T.self == String.self { return .text(value as! String) }
        if T.self == Bool.self { return .flag(value as! Bool) }
        if T.self == Int.self { return .number(value as! Int) }
        let encoder = TemplateValueEncoder()
        // The encoding methods below never throw.
        try? value.encode(to: encoder)
        return encoder.value
    }
}

/// Collects what one value encodes: its fields, its list items, or a single value.
private final class TemplateValueEncoder: Encoder {
    var fields = TemplateFields()
    var items: [TemplateValue] = []
    var single: TemplateValue?
    private var shape = Shape.nothing

    enum Shape {
        case nothing, fields, items, single
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var value: TemplateValue? {
        switch shape {
        case .nothing: nil
        case .fields: .fields(fields)
        case .items: .list(items)
        case .single: single
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        shape = .fields
        return KeyedEncodingContainer(Keyed(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        shape = .items
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        shape = .single
        return Single(encoder: self)
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: TemplateValueEncoder
        var codingPath: [any CodingKey] { [] }

        func encodeNil(forKey key: Key) {}
        func encode(_ value: String, forKey key: Key) { encoder.fields.append(key.stringValue, .text(value)) }
        func encode(_ value: Bool, forKey key: Key) { encoder.fields.append(key.stringValue, .flag(value)) }
        func encode(_ value: Int, forKey key: Key) { encoder.fields.append(key.stringValue, .number(value)) }
        func encode(_ value: Double, forKey key: Key) { described(value, key) }
        func encode(_ value: Float, forKey key: Key) { described(value, key) }
        func encode(_ value: Int8, forKey key: Key) { described(value, key) }
        func encode(_ value: Int16, forKey key: Key) { described(value, key) }
        func encode(_ value: Int32, forKey key: Key) { described(value, key) }
        func encode(_ value: Int64, forKey key: Key) { described(value, key) }
        func encode(_ value: UInt, forKey key: Key) { described(value, key) }
        func encode(_ value: UInt8, forKey key: Key) { described(value, key) }
        func encode(_ value: UInt16, forKey key: Key) { described(value, key) }
        func encode(_ value: UInt32, forKey key: Key) { described(value, key) }
        func encode(_ value: UInt64, forKey key: Key) { described(value, key) }

        func encode<T: Encodable>(_ value: T, forKey key: Key) {
            guard let value = TemplateEncoder.templateValue(of: value) else { return }
            encoder.fields.append(key.stringValue, value)
        }

        private func described(_ value: some CustomStringConvertible, _ key: Key) {
            encoder.fields.append(key.stringValue, .text(value.description))
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("page contexts encode nested values as values of their own")
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("page contexts encode nested values as values of their own")
        }

        func superEncoder() -> any Encoder { preconditionFailure("page contexts are structs") }
        func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("page contexts are structs") }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: TemplateValueEncoder
        var codingPath: [any CodingKey] { [] }
        var count: Int { encoder.items.count }

        /// A nil in a list is left out, as reflection leaves it.
        func encodeNil() {}

        func encode<T: Encodable>(_ value: T) {
            guard let value = TemplateEncoder.templateValue(of: value) else { return }
            encoder.items.append(value)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey>
        {
            preconditionFailure("page contexts encode nested values as values of their own")
        }

        func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            preconditionFailure("page contexts encode nested values as values of their own")
        }

        func superEncoder() -> any Encoder { preconditionFailure("page contexts are structs") }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: TemplateValueEncoder
        var codingPath: [any CodingKey] { [] }

        func encodeNil() { encoder.single = nil }
        func encode(_ value: String) { encoder.single = .text(value) }
        func encode(_ value: Bool) { encoder.single = .flag(value) }
        func encode(_ value: Int) { encoder.single = .number(value) }

        func encode(_ value: Double) { encoder.single = .text(value.description) }
        func encode(_ value: Float) { encoder.single = .text(value.description) }
        func encode(_ value: Int8) { encoder.single = .text(value.description) }
        func encode(_ value: Int16) { encoder.single = .text(value.description) }
        func encode(_ value: Int32) { encoder.single = .text(value.description) }
        func encode(_ value: Int64) { encoder.single = .text(value.description) }
        func encode(_ value: UInt) { encoder.single = .text(value.description) }
        func encode(_ value: UInt8) { encoder.single = .text(value.description) }
        func encode(_ value: UInt16) { encoder.single = .text(value.description) }
        func encode(_ value: UInt32) { encoder.single = .text(value.description) }
        func encode(_ value: UInt64) { encoder.single = .text(value.description) }
        func encode<T: Encodable>(_ value: T) { encoder.single = TemplateEncoder.templateValue(of: value) }
    }
}
