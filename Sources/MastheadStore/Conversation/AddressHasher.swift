import Crypto
import FluentKit
import Foundation
import SQLKit
import Synchronization

/// Turns a reader's IP address into a hash that rate limits and reports can count by, without the
/// address ever being stored.
///
/// The salt is random, one per UTC day, kept in the database so every node hashes alike, and deleted
/// after two days: once it is gone nobody, the site included, can tell which address a hash came from.
/// The cost is that per-address counts start again at midnight UTC; per-commenter counts do not.
public final class AddressHasher: Sendable {
    private let cached = Mutex<(day: String, salt: String)?>(nil)

    public init() {}

    public func hash(_ address: String, now: Date, on database: any Database) async throws -> String {
        let salt = try await salt(for: Self.day(now), on: database)
        let digest = SHA256.hash(data: Data((salt + "|" + address).utf8))
        return digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    private func salt(for day: String, on database: any Database) async throws -> String {
        if let current = cached.withLock({ $0 }), current.day == day { return current.salt }
        let salt: String
        if let stored = try await AddressSaltRecord.find(day, on: database) {
            salt = stored.salt
        } else {
            let fresh = AddressSaltRecord()
            fresh.id = day
            fresh.salt = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max)) }.joined()
            do {
                try await fresh.create(on: database)
                salt = fresh.salt
            } catch {
                // Another node made today's salt first: use theirs.
                guard let stored = try await AddressSaltRecord.find(day, on: database) else { throw error }
                salt = stored.salt
            }
            try await AddressSaltRecord.query(on: database).filter(\.$id < Self.day(Self.twoDaysBefore(day)))
                .delete()
        }
        cached.withLock { $0 = (day, salt) }
        return salt
    }

    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    private static func twoDaysBefore(_ day: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return (formatter.date(from: day) ?? Date()).addingTimeInterval(-2 * 86_400)
    }
}
