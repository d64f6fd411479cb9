import FluentKit
import Foundation
import SQLKit

extension ArticleRepository {
    /// The next moment a story becomes visible with no write at all: a scheduled time or an embargo
    /// coming due. Cached pages expire then.
    public func nextVisibilityChange(after now: Date) async throws -> Date? {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        var earliest: Date?
        for column in Self.visibilityTimes {
            let row = try await Self.nextDue(column, after: now, on: sql).first()
            if let due = try row?.decode(column: "due", as: Date?.self) {
                earliest = min(earliest ?? due, due)
            }
        }
        return earliest
    }

    /// The columns whose times make a story visible, each read through its own index
    /// (`articles_live_published_at`, `articles_embargo_until`).
    static let visibilityTimes = ["published_at", "embargo_until"]

    static func nextDue(_ column: String, after now: Date, on sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select()
            .column(SQLFunction("MIN", args: SQLColumn(column)), as: "due")
            .from("articles")
            .where("live", .equal, SQLLiteral.boolean(true))
            .where(SQLColumn(column), .greaterThan, SQLBind(now))
    }
}
