import FluentKit
import Foundation
import SQLKit

extension Store {
    /// Why this node should not take traffic yet, or nil when it can: the database answers and every
    /// migration this build knows has run. A load balancer asks through `/readyz`.
    public func readinessProblem() async -> String? {
        do {
            guard let sql = database as? any SQLDatabase else { return "The database is not an SQL database." }
            let rows = try await sql.select().column("name").from("_fluent_migrations").all()
            let applied = Set(try rows.map { try $0.decode(column: "name", as: String.self) })
            let missing = MigrationList.all.map(\.name).filter { !applied.contains($0) }
            guard missing.isEmpty else {
                return
                    "\(missing.count) migration(s) have not run, the first being \(missing[0]): run masthead migrate."
            }
            return nil
        } catch {
            return "The database does not answer."
        }
    }
}
