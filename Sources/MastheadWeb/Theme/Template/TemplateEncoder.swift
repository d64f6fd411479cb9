/// Encodes a page context straight into a ``TemplateValue``: a context declares each field once, as a
/// stored property of an `Encodable` struct, and the compiler writes the code that hands it over.
///
/// Values map as reflection on the struct would: `String`, `Bool` and `Int` as themselves, arrays as
/// lists, structs as fields, and a nil optional leaves its name out, so a template looks it up further
/// out, as Mustache does. Any other scalar becomes its description. There is no JSON in between: the
/// synthesized `encode(to:)` calls land here.
enum TemplateEncoder {
    static func encode(_ value: some Encodable) -> TemplateValue {
        let encoder = TemplateValueEncoder()
        return encoder.value(of: value) ?? .fields([:])
    }
}

/// Collects what values encode, innermost first. One encoder serves a whole page: a nested value
/// is encoded completely before its parent's next field, so each goes to a frame of its own on top
/// of the stack, and a page costs no encoder per view, only a container and a list of fields each.
private final class TemplateValueEncoder: Encoder {
    private struct Frame {
        var shape = Shape.nothing
        var fields = TemplateFields()
        var items: [TemplateValue] = []
        var single: TemplateValue?
    }

    enum Shape {
        case nothing, fields, items, single
    }

    /// Touched for every field of a page: only this encoder, on one thread, ever reaches it, so the
    /// run-time check for overlapping accesses (a few nanoseconds each) is left out.
    @exclusivity(unchecked) private var frames: [Frame] = []

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Nil for a value that encodes nothing, such as a nil optional.
    func value<T: Encodable>(of value: T) -> TemplateValue? {
        // The common scalars skip a frame (a metatype comparison, no dynamic cast).
        if T.self == String.self { return .text(value as! String) }
        if T.self == Bool.self { return .flag(value as! Bool) }
        if T.self == Int.self { return .number(value as! Int) }
        frames.append(Frame())
        // The encoding methods below never throw.
        try? value.encode(to: self)
        let frame = frames.removeLast()
        switch frame.shape {
        case .nothing: return nil
        case .fields: return .fields(frame.fields)
        case .items: return .list(frame.items)
        case .single: return frame.single
        }
    }

    fileprivate func append(_ name: String, _ value: TemplateValue) {
        frames[frames.count - 1].fields.append(name, value)
    }

    fileprivate func append(_ item: TemplateValue) {
        frames[frames.count - 1].items.append(item)
    }

    fileprivate var itemCount: Int { frames[frames.count - 1].items.count }

    fileprivate func set(_ value: TemplateValue?) {
        frames[frames.count - 1].single = value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        frames[frames.count - 1].shape = .fields
        // Most views have a dozen or two fields: one allocation instead of growing five times.
        frames[frames.count - 1].fields.reserveCapacity(24)
        return KeyedEncodingContainer(Keyed(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        frames[frames.count - 1].shape = .items
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        frames[frames.count - 1].shape = .single
        return Single(encoder: self)
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: TemplateValueEncoder
        var codingPath: [any CodingKey] { [] }

        func encodeNil(forKey key: Key) {}
        func encode(_ value: String, forKey key: Key) { encoder.append(key.stringValue, .text(value)) }
        func encode(_ value: Bool, forKey key: Key) { encoder.append(key.stringValue, .flag(value)) }
        func encode(_ value: Int, forKey key: Key) { encoder.append(key.stringValue, .number(value)) }
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
            guard let value = encoder.value(of: value) else { return }
            encoder.append(key.stringValue, value)
        }

        private func described(_ value: some CustomStringConvertible, _ key: Key) {
            encoder.append(key.stringValue, .text(value.description))
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
        var count: Int { encoder.itemCount }

        /// A nil in a list is left out, as reflection leaves it.
        func encodeNil() {}

        func encode<T: Encodable>(_ value: T) {
            guard let value = encoder.value(of: value) else { return }
            encoder.append(value)
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

        func encodeNil() { encoder.set(nil) }
        func encode(_ value: String) { encoder.set(.text(value)) }
        func encode(_ value: Bool) { encoder.set(.flag(value)) }
        func encode(_ value: Int) { encoder.set(.number(value)) }

        func encode(_ value: Double) { encoder.set(.text(value.description)) }
        func encode(_ value: Float) { encoder.set(.text(value.description)) }
        func encode(_ value: Int8) { encoder.set(.text(value.description)) }
        func encode(_ value: Int16) { encoder.set(.text(value.description)) }
        func encode(_ value: Int32) { encoder.set(.text(value.description)) }
        func encode(_ value: Int64) { encoder.set(.text(value.description)) }
        func encode(_ value: UInt) { encoder.set(.text(value.description)) }
        func encode(_ value: UInt8) { encoder.set(.text(value.description)) }
        func encode(_ value: UInt16) { encoder.set(.text(value.description)) }
        func encode(_ value: UInt32) { encoder.set(.text(value.description)) }
        func encode(_ value: UInt64) { encoder.set(.text(value.description)) }
        func encode<T: Encodable>(_ value: T) { encoder.set(encoder.value(of: value)) }
    }
}
