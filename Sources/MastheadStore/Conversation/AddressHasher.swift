import Crypto
import FluentKit
import Foundation
import MastheadCore
import SQLKit
import Synchronization

/// Turns a reader's IP address into a hash that rate limits and reports can count by, without the
/// address ever being stored.
///
/// The salt is random, one per UTC day, kept in the database so every node hashes alike, and deleted
/// after two days: once it is gone nobody, the site included, can tell which address a hash came from.
/// The cost is that per-address counts start again at midnight UTC; per-commenter counts do not.
public final class AddressHasher: Sendable {
    private let cached = Mutex<(dayNumber: Int, salt: String)?>(nil)

    public init() {}

    public func hash(_ address: String, now: Date, in store: Store) async throws -> String {
        let salt = try await salt(on: now, in: store)
        let digest = SHA256.hash(data: Data((salt + "|" + address).utf8))
        return Hex.encode(digest.prefix(16))
    }

    /// Today's salt from memory; the calendar and the database are asked only when the UTC day turns.
    private func salt(on now: Date, in store: Store) async throws -> String {
        let dayNumber = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        if let current = cached.withLock({ $0 }), current.dayNumber == dayNumber { return current.salt }
        let day = Self.day(now)
        let salt: String
        if let stored = try await AddressSaltRecord.find(day, on: store.database) {
            salt = stored.salt
        } else {
            do {
                // In a write transaction, so on SQLite it queues behind the writer lock with every other write:
                // made outside it, the first requests of a day (a burst of sign-ins on a new site) waited on
                // SQLite's busy timeout and failed.
                salt = try await store.transaction { tx in
                    if let stored = try await AddressSaltRecord.find(day, on: tx.database) { return stored.salt }
                    let fresh = AddressSaltRecord()
                    fresh.id = day
                    fresh.salt = Hex.encode((0..<32).map { _ in UInt8.random(in: .min ... .max) })
                    try await fresh.create(on: tx.database)
                    try await AddressSaltRecord.query(on: tx.database)
                        .filter(\.$id < Self.day(Self.twoDaysBefore(day))).delete()
                    return fresh.salt
                }
            } catch {
                // Another node made today's salt first: use theirs.
                guard let stored = try await AddressSaltRecord.find(day, on: store.database) else { throw error }
                salt = stored.salt
            }
        }
        cached.withLock { $0 = (dayNumber, salt) }
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
