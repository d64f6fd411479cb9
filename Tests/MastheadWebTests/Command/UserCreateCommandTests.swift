import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

/// `masthead user create` itself, run as an operator runs it, with the password piped in (issue 19,
/// defect 14).
@Suite struct UserCreateCommandTests {
    /// The `masthead` the build made next to this test binary.
    static func executable() throws -> URL {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
        let candidates = [directory, directory.deletingLastPathComponent()].map {
            $0.appendingPathComponent("masthead")
        }
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    }

    static func run(_ input: String, email: String, on location: DatabaseLocation) throws -> (
        status: Int32, errors: String
    ) {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["user", "create", "--role", "admin", "--email", email, "--name", "First Admin"]
        var environment = ProcessInfo.processInfo.environment
        switch location {
        case .sqlite(let path): environment["DATABASE_URL"] = "sqlite:" + path
        case .postgres(let url): environment["DATABASE_URL"] = url
        }
        process.environment = environment
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardError = stderr
        process.standardOutput = Pipe()
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }

    @Test func thePasswordIsTheFirstLineOfWhatIsPipedIn() async throws {
        let fresh = try await FreshDatabase.make()
        do {
            let made = try Self.run(
                "correct horse battery\ncorrect horse battery\n", email: "first@example.com", on: fresh.location)
            #expect(made.status == 0, "\(made.errors)")
            let tabbed = try Self.run("correct\thorse battery\n", email: "second@example.com", on: fresh.location)
            #expect(tabbed.status == 65)
            #expect(tabbed.errors.contains("Passwords cannot contain line breaks, tabs or other control characters"))

            try await Store.using(fresh.location, logger: testLogger) { store in
                #expect(try await store.accounts.find(email: "second@example.com") == nil)
                let account = try #require(try await store.accounts.find(email: "first@example.com"))
                let actions = store.accountActions(passwordCost: 4)
                await #expect(throws: ActionError.self) {
                    try await actions.changePassword(
                        of: account, current: "correct horse battery\ncorrect horse battery",
                        new: "a second long password", now: TestSite.referenceNow)
                }
                // The first line is the password: it is what changing the password asks for.
                try await actions.changePassword(
                    of: account, current: "correct horse battery", new: "a second long password",
                    now: TestSite.referenceNow)
            }
        } catch {
            try? await fresh.drop()
            throw error
        }
        try await fresh.drop()
    }
}
