import ArgumentParser
import Foundation
import MastheadCore
import MastheadStore

#if canImport(Glibc)
    import Glibc
#endif

/// Newsroom accounts from the command line: how the first admin is made, before anyone can sign in.
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage newsroom accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a newsroom account.",
            discussion: """
                The password is asked for without echo, or read from the first line of standard input when \
                that is not a terminal (`printf '%s\\n' "$PASSWORD" | masthead user create …`); the rest of the \
                input is ignored. A password with control characters (a tab, a line break) is refused.
                """)

        @Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: String

        @Option(help: "The email address to sign in with.")
        var email: String

        @Option(help: "The name shown in the newsroom; defaults to the part of the email before the @.")
        var name: String?

        func run() async throws {
            guard let role = Role(rawValue: role.lowercased()) else {
                fail(
                    "Unknown role “\(role)”; use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).",
                    status: 64)
            }
            let config = try loadConfig()
            let password = readPassword()
            let name = name ?? String(email.split(separator: "@").first ?? "")
            do {
                let account = try await Store.using(config.database, logger: makeLogger()) { store in
                    try await store.migrate()
                    return try await store.accountActions().create(
                        email: email, name: name, role: role, password: password, by: nil, now: Date())
                }
                print("Created \(account.role.rawValue) \(account.email). Sign in at /newsroom.")
            } catch let error as ActionError {
                fail(error.description, status: 65)
            }
        }

        /// From a prompt without echo on a terminal, else the first line of standard input.
        private func readPassword() -> String {
            if isatty(STDIN_FILENO) == 1 {
                guard let typed = getpass("Password: ") else { fail("No password given.", status: 66) }
                return String(cString: typed)
            }
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let password = PasswordInput.firstLine(of: String(decoding: data, as: UTF8.self))
            guard !password.isEmpty else {
                fail("No password given: put it on the first line of standard input.", status: 66)
            }
            return password
        }
    }
}
