import Foundation
import MastheadCore
import MastheadStore
import Testing

@testable import MastheadWeb

@Suite struct AppConfigTests {
    @Test func defaultsServeALocalSQLiteSite() throws {
        let config = try AppConfig.parse(environment: [:])
        #expect(config.hostname == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.database == .sqlite(path: "./data/masthead.sqlite"))
        #expect(config.siteSettings(stored: nil) == .defaults)
    }

    @Test func readsEverySetting() throws {
        let config = try AppConfig.parse(
            environment: [
                "DATABASE_URL": "postgres://masthead:secret@db.internal:5432/news",
                "MASTHEAD_BASE_URL": "https://news.example.com/",
                "MASTHEAD_SITE_NAME": "Gazeta",
                "MASTHEAD_TIME_ZONE": "Europe/Warsaw",
            ], hostname: "0.0.0.0", port: 9000)
        #expect(config.database == .postgres(url: "postgres://masthead:secret@db.internal:5432/news"))
        #expect(config.hostname == "0.0.0.0")
        #expect(config.port == 9000)
        let settings = config.siteSettings(stored: nil)
        #expect(settings.baseURL == "https://news.example.com")
        #expect(settings.name == "Gazeta")
        #expect(settings.timeZone.identifier == "Europe/Warsaw")
    }

    @Test func theEnvironmentOverridesStoredSettingsOnlyWhereSet() throws {
        let stored = SiteSettings(
            name: "Stored", baseURL: "https://stored.example", timeZone: TimeZone(identifier: "Europe/Warsaw")!,
            language: "pl")
        let config = try AppConfig.parse(environment: ["MASTHEAD_SITE_NAME": "From env"])
        let settings = config.siteSettings(stored: stored)
        #expect(settings.name == "From env")
        #expect(settings.timeZone.identifier == "Europe/Warsaw")
        #expect(settings.baseURL == "https://stored.example")
    }

    @Test func sqliteURLsNameAFile() throws {
        #expect(
            try AppConfig.parse(environment: ["DATABASE_URL": "sqlite:/var/lib/masthead/site.sqlite"]).database
                == .sqlite(path: "/var/lib/masthead/site.sqlite"))
    }

    @Test func aSecretCanComeFromAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("db-url-\(UUID().uuidString)")
        try "postgres://u:p@localhost/news\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let config = try AppConfig.parse(environment: ["DATABASE_URL_FILE": file.path])
        #expect(config.database == .postgres(url: "postgres://u:p@localhost/news"))
    }

    @Test func everyBadSettingIsNamedAtOnce() {
        do {
            _ = try AppConfig.parse(
                environment: [
                    "DATABASE_URL": "mysql://root@localhost/news",
                    "MASTHEAD_BASE_URL": "news.example.com",
                    "MASTHEAD_TIME_ZONE": "Mars/Olympus",
                    "THEME_DIR": "/no/such/theme",
                ], port: 70000)
            Issue.record("a bad configuration was accepted")
        } catch {
            #expect(error.problems.count == 5)
            let message = error.description
            for name in ["DATABASE_URL", "MASTHEAD_BASE_URL", "MASTHEAD_TIME_ZONE", "THEME_DIR", "--port"] {
                #expect(message.contains(name), "\(name) missing from: \(message)")
            }
        }
    }

    @Test func scalingSettingsAreReadAndCheckedAtOnce() throws {
        let config = try AppConfig.parse(environment: [
            "DATABASE_URL": "postgres://masthead@db/news", "DATABASE_REPLICA_URL": "postgres://masthead@replica/news",
            "DATABASE_REPLICA_MAX_LAG": "3", "MASTHEAD_PAGE_CACHE_MB": "0",
            "CDN_PURGE_URL": "https://cdn.example.com/purge", "CDN_PURGE_TOKEN": "secret",
        ])
        #expect(config.replicaDatabase == .postgres(url: "postgres://masthead@replica/news"))
        #expect(config.replicaMaxLag == 3 && config.pageCacheMegabytes == 0)
        #expect(config.cdnPurgeURL == "https://cdn.example.com/purge" && config.cdnPurgeToken == "secret")
        do {
            _ = try AppConfig.parse(environment: [
                "DATABASE_REPLICA_URL": "postgres://masthead@replica/news", "DATABASE_REPLICA_MAX_LAG": "never",
                "MASTHEAD_PAGE_CACHE_MB": "lots", "CDN_PURGE_URL": "cdn.example.com",
            ])
            Issue.record("a bad configuration was accepted")
        } catch {
            #expect(error.problems.count == 4)
            for name in ["DATABASE_REPLICA_URL", "DATABASE_REPLICA_MAX_LAG", "MASTHEAD_PAGE_CACHE_MB", "CDN_PURGE_URL"]
            {
                #expect(error.description.contains(name), "\(name) missing from: \(error.description)")
            }
        }
    }

    @Test func passwordsStayOutOfMessages() {
        for url in ["postgres://user:hunter2@/", "postgres://user:hun#ter2 x@db/", "mysql://user:hunter2@db/news"] {
            do {
                _ = try AppConfig.parse(environment: ["DATABASE_URL": url])
                Issue.record("\(url) was accepted")
            } catch {
                #expect(!error.description.contains("hunter2"), "\(error.description)")
                #expect(!error.description.contains("hun#ter2"), "\(error.description)")
                #expect(error.description.contains("user:***@"), "\(error.description)")
            }
        }
    }
}
