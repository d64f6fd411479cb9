import FluentKit
import Foundation
import Logging
import MastheadStore
import NIOCore
import SQLKit

/// A database of its own for one test, cloned from a template migrated once per test run.
///
/// SQLite (the default): a copy of a migrated template file. PostgreSQL, when
/// `MASTHEAD_TEST_POSTGRES_URL` names a server's maintenance database
/// (`postgres://postgres@127.0.0.1:5432/postgres`): `CREATE DATABASE … TEMPLATE` of a migrated
/// template database, dropped after the test.
public struct FreshDatabase: Sendable {
    public let location: DatabaseLocation
    private let discard: @Sendable () async throws -> Void

    static var postgresMaintenanceURL: String? {
        ProcessInfo.processInfo.environment["MASTHEAD_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// How long a test's statement waits for a pooled connection: the whole suite runs hundreds of
    /// databases at once on two cores, and its bursts of thirty concurrent writers waited past a site's
    /// ten seconds (``Store/open(_:logger:connectionWait:)``).
    public static let connectionWait: TimeAmount = .seconds(60)

    /// Runs `body` with an open store on a fresh database, then closes and drops it.
    public static func with<T: Sendable>(_ body: (Store) async throws -> T) async throws -> T {
        let fresh = try await make()
        do {
            let result = try await Store.using(
                fresh.location, logger: testLogger, connectionWait: connectionWait, body)
            try await fresh.drop()
            return result
        } catch {
            try? await fresh.drop()
            throw error
        }
    }

    public static func make() async throws -> FreshDatabase {
        try await Templates.shared.fresh()
    }

    public func drop() async throws {
        try await discard()
    }

    init(location: DatabaseLocation, discard: @escaping @Sendable () async throws -> Void) {
        self.location = location
        self.discard = discard
    }
}

/// The tests' logger: warnings and errors only, so a run reads cleanly.
public let testLogger: Logger = {
    var logger = Logger(label: "masthead-tests")
    logger.logLevel = .warning
    return logger
}()

/// Makes the template once per process and serializes clones: PostgreSQL refuses to copy a template
/// that another session is connected to.
actor Templates {
    static let shared = Templates()

    // Tasks, not values: the actor is re-entered while a template is being migrated, and every
    // caller must wait for that one migration rather than start its own.
    private var sqliteTemplate: Task<String, any Error>?
    private var postgresTemplate: Task<String, any Error>?
    private let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("masthead-tests-\(ProcessInfo.processInfo.processIdentifier)").path

    func fresh() async throws -> FreshDatabase {
        if let maintenance = FreshDatabase.postgresMaintenanceURL {
            return try await freshPostgres(maintenance: maintenance)
        }
        return try await freshSQLite()
    }

    private func freshSQLite() async throws -> FreshDatabase {
        let template = try await sqliteTemplatePath()
        let path = folder + "/\(UUID().uuidString).sqlite"
        try FileManager.default.copyItem(atPath: template, toPath: path)
        return FreshDatabase(location: .sqlite(path: path)) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    private func sqliteTemplatePath() async throws -> String {
        if sqliteTemplate == nil {
            let folder = folder
            sqliteTemplate = Task { try await Self.makeSQLiteTemplate(in: folder) }
        }
        return try await sqliteTemplate!.value
    }

    private static func makeSQLiteTemplate(in folder: String) async throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/template.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        try await Store.using(.sqlite(path: path), logger: testLogger) { try await $0.migrate() }
        return path
    }

    private func freshPostgres(maintenance: String) async throws -> FreshDatabase {
        let template = try await postgresTemplateName(maintenance: maintenance)
        let name = "masthead_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await Self.admin(maintenance) { sql in
            try await sql.raw("CREATE DATABASE \(ident: String(name)) TEMPLATE \(ident: template)").run()
        }
        let location = DatabaseLocation.postgres(url: try Self.url(maintenance, database: String(name)))
        return FreshDatabase(location: location) {
            try await Self.admin(maintenance) { sql in
                try await sql.raw("DROP DATABASE IF EXISTS \(ident: String(name)) WITH (FORCE)").run()
            }
        }
    }

    private func postgresTemplateName(maintenance: String) async throws -> String {
        if postgresTemplate == nil {
            postgresTemplate = Task { try await Self.makePostgresTemplate(maintenance: maintenance) }
        }
        return try await postgresTemplate!.value
    }

    private static func makePostgresTemplate(maintenance: String) async throws -> String {
        let name = "masthead_tpl_\(ProcessInfo.processInfo.processIdentifier)"
        try await admin(maintenance) { sql in
            try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
            try await sql.raw("CREATE DATABASE \(ident: name)").run()
        }
        try await Store.using(.postgres(url: try url(maintenance, database: name)), logger: testLogger) {
            try await $0.migrate()
        }
        return name
    }

    private static func admin(_ maintenance: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        try await Store.using(.postgres(url: maintenance), logger: testLogger) { store in
            guard let sql = store.database as? any SQLDatabase else { throw FreshDatabaseError.notSQL }
            try await body(sql)
        }
    }

    private static func url(_ maintenance: String, database: String) throws -> String {
        guard var components = URLComponents(string: maintenance) else { throw FreshDatabaseError.badURL(maintenance) }
        components.path = "/" + database
        guard let url = components.string else { throw FreshDatabaseError.badURL(maintenance) }
        return url
    }
}

enum FreshDatabaseError: Error {
    case notSQL
    case badURL(String)
}
