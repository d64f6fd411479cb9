import ArgumentParser
import Foundation
import MastheadCore
import MastheadStore

/// Admin API keys from the command line, for scripts set up before anyone opens the newsroom.
struct APIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-key", abstract: "Manage Admin API keys.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an Admin API key and print its token (shown this once).")

        @Option(help: "The role the key acts with: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: String

        @Option(help: "What the key is for, as the newsroom will list it.")
        var name: String

        func run() async throws {
            guard let role = Role(rawValue: role.lowercased()) else {
                fail(
                    "Unknown role “\(role)”; use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).",
                    status: 64)
            }
            let config = try loadConfig()
            do {
                let (key, token) = try await Store.using(config.database, logger: makeLogger()) { store in
                    try await store.migrate()
                    return try await store.apiKeys.create(name: name, role: role, by: nil, now: Date())
                }
                FileHandle.standardError.write(Data("Made \(key.role.rawValue) key “\(key.name)”. Its token:\n".utf8))
                print(token)
            } catch let error as ActionError {
                fail(error.description, status: 65)
            }
        }
    }
}
