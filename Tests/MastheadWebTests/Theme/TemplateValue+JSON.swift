import Foundation

@testable import MastheadWeb

/// A JSON document as written, for fixtures that hold template data: the Mustache spec's `data`, and
/// the reference article page's context that `Benchmarks/templates.sh` renders.
enum JSONFixture: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONFixture])
    case object([String: JSONFixture])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONFixture].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONFixture].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let bool): try container.encode(bool)
        case .int(let int): try container.encode(int)
        case .double(let double): try container.encode(double)
        case .string(let string): try container.encode(string)
        case .array(let array): try container.encode(array)
        case .object(let object): try container.encode(object)
        }
    }
}

/// What JSON holds that a ``TemplateValue`` cannot.
struct UnrepresentableJSON: Error, Equatable {
    let reason: String
}

extension TemplateValue {
    /// JSON as a template sees it. Null is nil, so its name is left out, as a nil optional of a context
    /// is; a decimal becomes the text Swift prints for it (`1.21`), since contexts hand templates
    /// formatted text and no decimals. The spec's lambdas (`{"__tag__": "code", …}`, code per language)
    /// cannot be held: a template value is data, never code.
    static func from(json: JSONFixture) throws(UnrepresentableJSON) -> TemplateValue? {
        switch json {
        case .null: return nil
        case .bool(let bool): return .flag(bool)
        case .int(let int): return .number(int)
        case .double(let double): return .text(String(double))
        case .string(let string): return .text(string)
        case .array(let items):
            var values: [TemplateValue] = []
            for item in items {
                if let value = try from(json: item) { values.append(value) }
            }
            return .list(values)
        case .object(let object):
            if object["__tag__"] == .string("code") {
                throw UnrepresentableJSON(reason: "a lambda: template values hold data, not code")
            }
            var fields = TemplateFields()
            for (name, item) in object { fields[name] = try from(json: item) }
            return .fields(fields)
        }
    }
}
