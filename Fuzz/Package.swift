// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "MastheadFuzz",
    targets: [
        .target(name: "MastheadMarkdown", path: ".build-sources/MastheadMarkdown"),
        .target(name: "MastheadCore", dependencies: ["MastheadMarkdown"], path: ".build-sources/MastheadCore"),
        .target(name: "FuzzDriver"),
        .executableTarget(name: "MastheadFuzz", dependencies: ["MastheadCore", "MastheadMarkdown", "FuzzDriver"]),
    ]
)
