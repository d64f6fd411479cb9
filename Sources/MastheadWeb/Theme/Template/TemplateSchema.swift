/// The field names a context type offers a template, and under each what a section on it offers in
/// turn: read from the type's own declaration, with no value of it, for `masthead theme check`.
///
/// A list offers what its items offer (a section on it renders once per item), and a text, flag or
/// number offers nothing. A view that holds a list of itself (a comment's replies) shares its schema.
final class TemplateSchema {
    private(set) var fields: [String: TemplateSchema] = [:]

    /// Decodes the type against a decoder that answers every question with "yes, one of them", noting
    /// each coding key it is asked for.
    static func of<T: Decodable>(_ type: T.Type) -> TemplateSchema {
        let schema = TemplateSchema()
        var visiting: [ObjectIdentifier: TemplateSchema] = [:]
        _ = try? SchemaDecoder.decode(type, into: schema, visiting: &visiting)
        return schema
    }

    fileprivate func field(_ name: String) -> TemplateSchema {
        if let existing = fields[name] { return existing }
        let schema = TemplateSchema()
        fields[name] = schema
        return schema
    }

    fileprivate func link(_ name: String, to schema: TemplateSchema) {
        fields[name] = schema
    }
}

/// Thrown when a type is met inside itself (through a list or an optional): its schema is already
/// being read, and the field is linked to it instead of read again for ever.
private struct Recursion: Error {
    let schema: TemplateSchema
}

/// An array of anything can be made empty without a value of its element, which is what a recursive
/// list field is decoded as.
private protocol EmptyList {
    static var empty: Self { get }
}

extension Array: EmptyList {
    fileprivate static var empty: Array { [] }
}

private final class SchemaDecoder: Decoder {
    let schema: TemplateSchema
    /// The types being decoded, outermost first, by their schema.
    var visiting: [ObjectIdentifier: TemplateSchema]

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(schema: TemplateSchema, visiting: [ObjectIdentifier: TemplateSchema]) {
        self.schema = schema
        self.visiting = visiting
    }

    static func decode<T: Decodable>(
        _ type: T.Type, into schema: TemplateSchema, visiting: inout [ObjectIdentifier: TemplateSchema]
    ) throws -> T {
        if let outer = visiting[ObjectIdentifier(type)] { throw Recursion(schema: outer) }
        visiting[ObjectIdentifier(type)] = schema
        defer { visiting[ObjectIdentifier(type)] = nil }
        return try T(from: SchemaDecoder(schema: schema, visiting: visiting))
    }

    /// The field's schema, linked to an outer one when the field holds its own type again.
    func decodeField<T: Decodable>(_ type: T.Type, named name: String) throws -> T? {
        do {
            return try Self.decode(type, into: schema.field(name), visiting: &visiting)
        } catch let recursion as Recursion {
            schema.link(name, to: recursion.schema)
            return (type as? any EmptyList.Type)?.empty as? T
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed(decoder: self))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer { Unkeyed(decoder: self) }
    func singleValueContainer() -> any SingleValueDecodingContainer { Single() }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: SchemaDecoder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        /// Never nil, so an optional field's type is read too.
        func decodeNil(forKey key: Key) -> Bool { false }

        func decode(_ type: Bool.Type, forKey key: Key) -> Bool { scalar(key, false) }
        func decode(_ type: String.Type, forKey key: Key) -> String { scalar(key, "") }
        func decode(_ type: Double.Type, forKey key: Key) -> Double { scalar(key, 0) }
        func decode(_ type: Float.Type, forKey key: Key) -> Float { scalar(key, 0) }
        func decode(_ type: Int.Type, forKey key: Key) -> Int { scalar(key, 0) }
        func decode(_ type: Int8.Type, forKey key: Key) -> Int8 { scalar(key, 0) }
        func decode(_ type: Int16.Type, forKey key: Key) -> Int16 { scalar(key, 0) }
        func decode(_ type: Int32.Type, forKey key: Key) -> Int32 { scalar(key, 0) }
        func decode(_ type: Int64.Type, forKey key: Key) -> Int64 { scalar(key, 0) }
        func decode(_ type: UInt.Type, forKey key: Key) -> UInt { scalar(key, 0) }
        func decode(_ type: UInt8.Type, forKey key: Key) -> UInt8 { scalar(key, 0) }
        func decode(_ type: UInt16.Type, forKey key: Key) -> UInt16 { scalar(key, 0) }
        func decode(_ type: UInt32.Type, forKey key: Key) -> UInt32 { scalar(key, 0) }
        func decode(_ type: UInt64.Type, forKey key: Key) -> UInt64 { scalar(key, 0) }

        /// A scalar field: its name, offering nothing further.
        private func scalar<T>(_ key: Key, _ value: T) -> T {
            _ = decoder.schema.field(key.stringValue)
            return value
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let value = try decoder.decodeField(type, named: key.stringValue) else {
                throw DecodingError.valueNotFound(type, .init(codingPath: [key], debugDescription: "recursive"))
            }
            return value
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try decoder.decodeField(type, named: key.stringValue)
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(
                SchemaDecoder.Keyed(
                    decoder: SchemaDecoder(schema: decoder.schema.field(key.stringValue), visiting: [:])))
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer {
            Unkeyed(decoder: SchemaDecoder(schema: decoder.schema.field(key.stringValue), visiting: [:]))
        }

        func superDecoder() -> any Decoder { decoder }
        func superDecoder(forKey key: Key) -> any Decoder { decoder }
    }

    /// One item, read into the list's own schema: a section on a list offers what an item offers.
    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: SchemaDecoder
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 1 }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex > 0 }

        mutating func decodeNil() -> Bool { false }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try SchemaDecoder.decode(type, into: decoder.schema, visiting: &decoder.visiting)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) -> KeyedDecodingContainer<NestedKey> {
            currentIndex += 1
            return KeyedDecodingContainer(SchemaDecoder.Keyed(decoder: decoder))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return Unkeyed(decoder: decoder)
        }

        mutating func superDecoder() -> any Decoder { decoder }
    }

    /// A scalar offers no fields; any value of its type will do.
    struct Single: SingleValueDecodingContainer {
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) -> Bool { false }
        func decode(_ type: String.Type) -> String { "" }
        func decode(_ type: Double.Type) -> Double { 0 }
        func decode(_ type: Float.Type) -> Float { 0 }
        func decode(_ type: Int.Type) -> Int { 0 }
        func decode(_ type: Int8.Type) -> Int8 { 0 }
        func decode(_ type: Int16.Type) -> Int16 { 0 }
        func decode(_ type: Int32.Type) -> Int32 { 0 }
        func decode(_ type: Int64.Type) -> Int64 { 0 }
        func decode(_ type: UInt.Type) -> UInt { 0 }
        func decode(_ type: UInt8.Type) -> UInt8 { 0 }
        func decode(_ type: UInt16.Type) -> UInt16 { 0 }
        func decode(_ type: UInt32.Type) -> UInt32 { 0 }
        func decode(_ type: UInt64.Type) -> UInt64 { 0 }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            throw DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "not a scalar"))
        }
    }
}
