import SQLKit

extension SQLRow {
    /// A column that may be NULL. Decoding `T?` goes through the drivers' general `Decoder` path for
    /// every row, NULL or not; asking about NULL first and then decoding `T` takes SQLite's direct
    /// conversion for text, numbers and dates, and costs one lookup for a NULL.
    func optional<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }
}
