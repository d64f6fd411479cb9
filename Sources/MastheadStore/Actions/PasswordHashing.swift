import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// bcrypt on threads of its own. A check at cost 12 takes about a quarter of a second of a core; on
/// the shared `NIOThreadPool`, where the SQLite driver runs every statement, a burst of sign-ins (which
/// anyone can send) held up every page's queries behind it. Here it queues behind other passwords only.
enum PasswordHashing {
    /// Half the cores, at least one: passwords may not take the machine from the pages.
    private static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount / 2))
        pool.start()
        return pool
    }()

    static func hash(_ password: String, cost: UInt8) async throws -> String {
        try await pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        try await pool.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

}
