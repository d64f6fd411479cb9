import Foundation
import HTTPTypes
import MastheadCore
import MastheadStore

/// Everything the server needs to start, parsed once from the environment and the command line.
/// Nothing reads the environment after this.
public struct AppConfig: Sendable {
    public var hostname: String
    public var port: Int
    public var database: DatabaseLocation
    /// Each overrides what the site's stored settings say; nil leaves the stored value (or default).
    public var baseURL: String?
    public var siteName: String?
    public var timeZone: TimeZone?
    /// A site's own copy of the theme; nil uses the default theme shipped with Masthead.
    public var themeDirectory: String?
    /// The header a trusted reverse proxy sets to the client's address (`X-Forwarded-For`); nil when
    /// clients connect directly. Never set it without such a proxy: clients could then pick their own.
    public var clientAddressHeader: String?
    /// bcrypt's work factor for newsroom passwords; tests lower it so they run quickly.
    public var passwordCost: UInt8 = 12
    /// Where uploaded pictures are kept (`MASTHEAD_MEDIA_DIR`); nil puts them in a `media` folder beside
    /// the SQLite file, or in `./data/media` with PostgreSQL.
    public var mediaDirectory: String?
    /// Whether webhooks may call loopback and private addresses (`MASTHEAD_WEBHOOKS_ALLOW_PRIVATE=1`),
    /// for receivers on the same machine or network; off, so newsroom accounts cannot probe it.
    public var webhooksAllowPrivate = false
    /// The most live comment streams (Server-Sent Events) one node keeps open (`MASTHEAD_LIVE_STREAMS`).
    /// Past it a reader's page still works; it just does not update by itself.
    public var liveStreamLimit = 1_000
    /// The most of them one client address holds (`MASTHEAD_LIVE_STREAMS_PER_ADDRESS`): a reader's few
    /// tabs. Behind a proxy it counts per reader only when `clientAddressHeader` is set.
    public var liveStreamsPerAddress = LiveComments.defaultPerAddress
    /// The SMTP relay mail is sent through (`SMTP_URL`, `smtp://user:password@host:port`); nil keeps mail
    /// in the newsroom's outbox and the log, for development.
    public var smtpURL: String?
    /// The sender of the site's mail (`MAIL_FROM`).
    public var mailFrom = "masthead@localhost"
    /// Megabytes of rendered pages this node keeps in memory (`MASTHEAD_PAGE_CACHE_MB`); 0 turns the
    /// page cache off.
    public var pageCacheMegabytes = 64
    /// Where to send a CDN the surrogate keys of pages that changed (`CDN_PURGE_URL`), and the bearer
    /// token it wants (`CDN_PURGE_TOKEN`); nil sends nothing.
    public var cdnPurgeURL: String?
    /// A streaming replica of the PostgreSQL primary that reader pages, feeds and the Content API read
    /// from (`DATABASE_REPLICA_URL`); every write goes to the primary.
    public var replicaDatabase: DatabaseLocation?
    /// How many seconds the replica may lag behind (`DATABASE_REPLICA_MAX_LAG`): for this long after
    /// writing, a browser reads from the primary, and a page rendered this soon after a change is
    /// cached only until the replica has surely caught up.
    public var replicaMaxLag = 10
    public var cdnPurgeToken: String?

    /// The folder uploaded pictures live in.
    public var resolvedMediaDirectory: String {
        if let mediaDirectory { return mediaDirectory }
        switch database {
        case .sqlite(let path):
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("media").path
        case .postgres:
            return "./data/media"
        }
    }

    public init(
        hostname: String = "127.0.0.1",
        port: Int = 8080,
        database: DatabaseLocation,
        baseURL: String? = nil,
        siteName: String? = nil,
        timeZone: TimeZone? = nil,
        themeDirectory: String? = nil,
        clientAddressHeader: String? = nil
    ) {
        self.hostname = hostname
        self.port = port
        self.database = database
        self.baseURL = baseURL
        self.siteName = siteName
        self.timeZone = timeZone
        self.themeDirectory = themeDirectory
        self.clientAddressHeader = clientAddressHeader
    }

    /// Reads `DATABASE_URL` (or `DATABASE_URL_FILE`), `MASTHEAD_BASE_URL`, `MASTHEAD_SITE_NAME`,
    /// `MASTHEAD_TIME_ZONE`, `THEME_DIR`, `MASTHEAD_CLIENT_IP_HEADER` and `MASTHEAD_MEDIA_DIR`, plus the `--hostname` and `--port` flags. Every problem
    /// found is reported together, so one failed start shows everything to fix.
    public static func parse(
        environment: [String: String], hostname: String? = nil, port: Int? = nil
    ) throws(ConfigError) -> AppConfig {
        var problems: [String] = []
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty
            else { return nil }
            return raw
        }

        var databaseURL = value("DATABASE_URL")
        if databaseURL == nil, let file = value("DATABASE_URL_FILE") {
            do {
                databaseURL = try String(contentsOfFile: file, encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                problems.append("DATABASE_URL_FILE \"\(file)\" cannot be read: \(error.localizedDescription)")
            }
        }
        var database = DatabaseLocation.sqlite(path: DatabaseLocation.defaultSQLitePath)
        do {
            database = try DatabaseLocation(databaseURL: databaseURL)
        } catch {
            problems.append(error.message)
        }

        let host = hostname ?? "127.0.0.1"
        if host.isEmpty || host.contains(where: \.isWhitespace) {
            problems.append("--hostname \"\(host)\" is not a host name or address")
        }
        let chosenPort = port ?? 8080
        if !(0...65535).contains(chosenPort) {
            problems.append("--port \(chosenPort) is outside 0–65535")
        }

        var baseURL: String?
        if let raw = value("MASTHEAD_BASE_URL") {
            if let components = URLComponents(string: raw), ["http", "https"].contains(components.scheme ?? ""),
                components.host?.isEmpty == false, components.query == nil, components.fragment == nil
            {
                baseURL = raw.hasSuffix("/") ? String(raw.dropLast()) : raw
            } else {
                problems.append(
                    "MASTHEAD_BASE_URL \"\(raw)\" must be an absolute http(s) address such as https://news.example.com")
            }
        }

        var timeZone: TimeZone?
        if let raw = value("MASTHEAD_TIME_ZONE") {
            if let zone = TimeZone(identifier: raw) {
                timeZone = zone
            } else {
                problems.append("MASTHEAD_TIME_ZONE \"\(raw)\" is not a time zone name such as Europe/Warsaw or UTC")
            }
        }

        let themeDirectory = value("THEME_DIR")
        if let themeDirectory {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: themeDirectory, isDirectory: &isDirectory)
                || !isDirectory.boolValue
            {
                problems.append("THEME_DIR \"\(themeDirectory)\" is not a directory")
            }
        }

        let clientAddressHeader = value("MASTHEAD_CLIENT_IP_HEADER")
        if let clientAddressHeader, HTTPField.Name(clientAddressHeader) == nil {
            problems.append(
                "MASTHEAD_CLIENT_IP_HEADER \"\(clientAddressHeader)\" is not a header name such as X-Forwarded-For")
        }

        var liveStreamLimit = 1_000
        if let raw = value("MASTHEAD_LIVE_STREAMS") {
            if let limit = Int(raw), (0...100_000).contains(limit) {
                liveStreamLimit = limit
            } else {
                problems.append("MASTHEAD_LIVE_STREAMS \"\(raw)\" is not a number from 0 to 100000")
            }
        }
        var liveStreamsPerAddress = LiveComments.defaultPerAddress
        if let raw = value("MASTHEAD_LIVE_STREAMS_PER_ADDRESS") {
            if let count = Int(raw), (1...100_000).contains(count) {
                liveStreamsPerAddress = count
            } else {
                problems.append("MASTHEAD_LIVE_STREAMS_PER_ADDRESS \"\(raw)\" is not a number from 1 to 100000")
            }
        }
        let smtpURL = value("SMTP_URL")
        if let smtpURL, SMTPConfiguration(url: smtpURL) == nil {
            problems.append("SMTP_URL is not an address such as smtp://user:password@mail.example.com:587")
        }
        let mailFrom = value("MAIL_FROM")
        if let mailFrom, !MailAddress.isDeliverable(mailFrom) {
            problems.append("MAIL_FROM \"\(mailFrom)\" is not an email address")
        }

        var pageCacheMegabytes = 64
        if let raw = value("MASTHEAD_PAGE_CACHE_MB") {
            if let megabytes = Int(raw), (0...65_536).contains(megabytes) {
                pageCacheMegabytes = megabytes
            } else {
                problems.append("MASTHEAD_PAGE_CACHE_MB \"\(raw)\" is not a number of megabytes from 0 to 65536")
            }
        }
        let cdnPurgeURL = value("CDN_PURGE_URL")
        if let cdnPurgeURL {
            let components = URLComponents(string: cdnPurgeURL)
            if !["http", "https"].contains(components?.scheme ?? "") || (components?.host ?? "").isEmpty {
                problems.append("CDN_PURGE_URL is not an address such as https://cdn.example.com/purge")
            }
        }

        var replicaDatabase: DatabaseLocation?
        if let raw = value("DATABASE_REPLICA_URL") {
            do throws(DatabaseLocationError) {
                let location = try DatabaseLocation(databaseURL: raw)
                if case .postgres = location, case .postgres = database {
                    replicaDatabase = location
                } else {
                    problems.append("DATABASE_REPLICA_URL needs DATABASE_URL and itself to be postgres:// addresses")
                }
            } catch {
                problems.append(error.message)
            }
        }

        var replicaMaxLag = 10
        if let raw = value("DATABASE_REPLICA_MAX_LAG") {
            if let seconds = Int(raw), (1...3_600).contains(seconds) {
                replicaMaxLag = seconds
            } else {
                problems.append("DATABASE_REPLICA_MAX_LAG \"\(raw)\" is not a number of seconds from 1 to 3600")
            }
        }

        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        var config = AppConfig(
            hostname: host, port: chosenPort, database: database, baseURL: baseURL,
            siteName: value("MASTHEAD_SITE_NAME"), timeZone: timeZone, themeDirectory: themeDirectory,
            clientAddressHeader: clientAddressHeader)
        config.mediaDirectory = value("MASTHEAD_MEDIA_DIR")
        config.webhooksAllowPrivate = ["1", "true", "yes"].contains(
            value("MASTHEAD_WEBHOOKS_ALLOW_PRIVATE")?.lowercased() ?? "")
        config.liveStreamLimit = liveStreamLimit
        config.liveStreamsPerAddress = liveStreamsPerAddress
        config.smtpURL = smtpURL
        if let mailFrom { config.mailFrom = mailFrom }
        config.pageCacheMegabytes = pageCacheMegabytes
        config.cdnPurgeURL = cdnPurgeURL
        config.cdnPurgeToken = value("CDN_PURGE_TOKEN")
        config.replicaDatabase = replicaDatabase
        config.replicaMaxLag = replicaMaxLag
        return config
    }

    /// The settings the site runs with: this configuration's values over the stored ones, over defaults.
    func siteSettings(stored: SiteSettings?) -> SiteSettings {
        var settings = stored ?? .defaults
        if let baseURL { settings.baseURL = baseURL }
        if let siteName { settings.name = siteName }
        if let timeZone { settings.timeZone = timeZone }
        return settings
    }
}

/// Every configuration problem found at start-up.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public let problems: [String]

    public var description: String {
        "Masthead cannot start; fix these settings:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
