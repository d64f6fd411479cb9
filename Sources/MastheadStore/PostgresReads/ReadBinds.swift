import FluentPostgresDriver
import Foundation

/// A read's binds as the driver encodes them (PostgresKit's fast path: NULL, or a value PostgresNIO
/// encodes itself, in binary), with their types, which name the statement's parameters when it is
/// prepared, as they are when the driver sends it unnamed.
struct ReadBinds {
    var bindings: PostgresBindings
    var types: [PostgresDataType]

    /// Nil when a value needs the driver's slow path (Codable through its own encoder).
    init?(_ binds: [any Encodable & Sendable]) {
        bindings = PostgresBindings(capacity: binds.count)
        types = []
        types.reserveCapacity(binds.count)
        for bind in binds {
            if let optional = bind as? any OptionalBind, !optional.isSome {
                bindings.appendNull()
                types.append(.null)
            } else if let value = bind as? any PostgresThrowingDynamicTypeEncodable {
                guard (try? bindings.append(value, context: .default)) != nil else { return nil }
                types.append(value.psqlType)
            } else {
                return nil
            }
        }
    }

    /// The statement's key among the prepared ones: its text, and the types its parameters take.
    func key(_ sql: String) -> String {
        types.map { String($0.rawValue) }.joined(separator: ",") + "|" + sql
    }
}

/// An optional bind, whatever it wraps, so a NULL is told from a value.
protocol OptionalBind {
    var isSome: Bool { get }
}

extension Optional: OptionalBind {
    var isSome: Bool { self != nil }
}
