/// Encodes a page context straight into a ``TemplateValue``: a context declares each field once, as a
/// stored property of an `Encodable` struct, and the compiler writes the code that hands it over.
///
/// Values map as reflection on the struct would: `String`, `Bool` and `Int` as themselves, arrays as
/// lists, structs as fields, and a nil optional leaves its name out, so a template looks it up further
/// out, as Mustache does. `Double`, `Float` and the other integer widths become their description. Any
/// other type encodes as its own `encode(to:)` says, as with `JSONEncoder`: an enum with a raw value as
/// that value, one with associated values as a field named for its case holding its values (by label,
/// or `_0`, `_1`…), a `Date` as the description of its seconds since 2001 and a `URL` as a field
/// `relative`. No page context holds a `Date`, a `URL` or such an enum today. There is no JSON in
/// between: the synthesized `encode(to:)` calls land here.
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
        /// Nested containers and super encoders, filled in by the caller after they are handed out,
        /// maybe between other writes to this frame; nil (no cost) for the structs pages hold.
        var later: [Later]?

        mutating func finish() -> TemplateValue? {
            if let later { resolve(later) }
            switch shape {
            case .nothing: return nil
            case .fields: return .fields(fields)
            case .items: return .list(items)
            case .single: return single
            }
        }

        /// Puts each value in the place kept for it, the last first so the list's indices hold.
        private mutating func resolve(_ later: [Later]) {
            for entry in later.reversed() {
                let value = entry.encoder.finish()
                switch entry.place {
                case .field(let name): fields[name] = value
                case .item(let index):
                    if let value { items[index] = value } else { items.remove(at: index) }
                }
            }
        }
    }

    struct Later {
        enum Place {
            case field(String)
            case item(Int)
        }

        let place: Place
        let encoder: TemplateValueEncoder
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
        var frame = frames.removeLast()
        return frame.finish()
    }

    /// An encoder of its own for a nested container or a super encoder, whose value takes a place kept
    /// for it in the current frame (a field, or an item where it was asked for) once the frame is done.
    fileprivate func later(_ place: Later.Place) -> TemplateValueEncoder {
        let encoder = TemplateValueEncoder()
        encoder.frames.append(Frame())
        switch place {
        case .field(let name): append(name, .fields([:]))
        case .item: append(.fields([:]))
        }
        frames[frames.count - 1].later =
            (frames[frames.count - 1].later ?? []) + [Later(place: place, encoder: encoder)]
        return encoder
    }

    /// The value a ``later(_:)`` encoder was given.
    private func finish() -> TemplateValue? {
        var frame = frames.removeLast()
        return frame.finish()
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
            encoder.later(.field(key.stringValue)).container(keyedBy: keyType)
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            encoder.later(.field(key.stringValue)).unkeyedContainer()
        }

        func superEncoder() -> any Encoder { encoder.later(.field("super")) }
        func superEncoder(forKey key: Key) -> any Encoder { encoder.later(.field(key.stringValue)) }
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
            encoder.later(.item(count)).container(keyedBy: keyType)
        }

        func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            encoder.later(.item(count)).unkeyedContainer()
        }

        func superEncoder() -> any Encoder { encoder.later(.item(count)) }
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
