import Foundation
import MastheadCore
import SQLKit
import SQLiteKit
import Synchronization

/// The column names of one statement's result, shared by all of its rows.
final class SQLiteReadColumns: Sendable {
    let names: [String]
    /// Where the last name was found. Repositories read a row's columns in about the order they
    /// selected them, so the next name is usually the next column: one comparison instead of a scan.
    /// Only a hint, so a relaxed atomic: rows read on two threads at once just guess worse.
    private let next = Atomic(0)
    /// A name that appears twice means its first column, as SQLiteNIO reads it; no guessing then.
    private let repeatsAName: Bool

    init(names: [String]) {
        self.names = names
        repeatsAName = Set(names).count != names.count
    }

    func index(of column: String) -> Int? {
        if repeatsAName { return names.firstIndex(of: column) }
        let count = names.count
        guard count > 0 else { return nil }
        var index = next.load(ordering: .relaxed)
        for _ in 0..<count {
            if index >= count { index = 0 }
            if names[index] == column {
                next.store(index + 1, ordering: .relaxed)
                return index
            }
            index += 1
        }
        return nil
    }
}

/// A row read by ``SQLiteReadConnection``: SQLiteNIO's values, decoded as SQLiteKit decodes them, with
/// the types the repositories read most (text, UUIDs, numbers, dates) converted without the general
/// `Decoder` path and its dynamic casts.
struct SQLiteReadRow: SQLRow {
    let columns: SQLiteReadColumns
    let values: [SQLiteData]

    struct MissingColumn: Error, CustomStringConvertible {
        let column: String
        var description: String { "the result has no column \"\(column)\"" }
    }

    private static let decoder = SQLiteDataDecoder()

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool {
        columns.index(of: column) != nil
    }

    func decodeNil(column: String) throws -> Bool {
        guard let index = columns.index(of: column) else { return true }
        if case .null = values[index] { return true }
        return false
    }

    /// The types the repositories read most are converted as SQLiteKit's decoder converts them, but
    /// reached by comparing metatypes instead of casting to a protocol, and returned without ever
    /// naming `D?` (whose metadata a generic function must look up at run time, at every call). A
    /// UUID is stored as its text; one that does not parse here goes the long way and fails (or
    /// succeeds) exactly as it always did.
    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let index = columns.index(of: column) else { throw MissingColumn(column: column) }
        let value = values[index]
        if D.self == String.self, let text = String(sqliteData: value) { return unsafeBitCast(text, to: D.self) }
        if D.self == UUID.self, case .text(let text) = value, let uuid = UUIDText.parse(text) {
            return unsafeBitCast(uuid, to: D.self)
        }
        if D.self == Int.self, let number = Int(sqliteData: value) { return unsafeBitCast(number, to: D.self) }
        if D.self == Date.self, let date = Date(sqliteData: value) { return unsafeBitCast(date, to: D.self) }
        if D.self == Double.self, let number = Double(sqliteData: value) { return unsafeBitCast(number, to: D.self) }
        if D.self == Bool.self, let flag = Bool(sqliteData: value) { return unsafeBitCast(flag, to: D.self) }
        if D.self == Int64.self, let number = Int64(sqliteData: value) { return unsafeBitCast(number, to: D.self) }
        return try Self.decoder.decode(D.self, from: value)
    }
}
