// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Masthead",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "masthead", targets: ["masthead"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/vapor/async-kit.git", from: "1.22.0"),
    ],
    targets: [
        .target(
            name: "MastheadCore",
            dependencies: ["MastheadMarkdown"]
        ),
        .target(
            name: "MastheadStore",
            dependencies: [
                "MastheadCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncKit", package: "async-kit"),
            ]
        ),
        .target(
            name: "MastheadWeb",
            dependencies: [
                "MastheadCore",
                "MastheadStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/Themes"), .copy("Resources/Newsroom")]
        ),
        .executableTarget(
            name: "masthead",
            dependencies: [
                "MastheadWeb",
                "MastheadStore",
                "MastheadMarkdown",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MastheadTesting",
            dependencies: [
                "MastheadCore",
                "MastheadStore",
                "MastheadWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Tests/MastheadTesting"
        ),
        .target(name: "MastheadMarkdown"),
        .target(name: "MastheadImport", dependencies: ["MastheadCore"]),
        .testTarget(name: "MastheadCoreTests", dependencies: ["MastheadCore", "MastheadTesting"]),
        .testTarget(
            name: "MastheadStoreTests",
            dependencies: [
                "MastheadStore", "MastheadTesting", .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLKitBenchmark", package: "sql-kit"),
            ]
        ),
        .testTarget(
            name: "MastheadWebTests",
            dependencies: [
                "MastheadWeb", "MastheadTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            exclude: [
                "Golden", "Theme/MustacheSpec", "Clients/read_distribution.py", "Clients/browser_conversation.py",
                "Mail/smtp_sink.py",
            ]
        ),
        .testTarget(name: "MastheadImportTests", dependencies: ["MastheadImport"]),
        .testTarget(name: "MastheadMarkdownTests", dependencies: ["MastheadMarkdown"], resources: [.copy("Fixtures")]),
    ]
)
