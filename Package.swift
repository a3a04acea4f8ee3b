// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "oncall",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "oncall", targets: ["oncall"]),
        .executable(name: "oncall-bench", targets: ["oncall-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // For the tests' and the bench's local vendor fakes (an HTTP server on 127.0.0.1); AsyncHTTPClient uses it too.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    ],
    targets: [
        // Pure domain: records, SLA clocks, state machines, alerts. Foundation only, `now` is a parameter.
        .target(name: "OnCallRules"),
        // The shipped defaults and the TOML file format that overrides them. The dashboard's key and theme
        // vocabulary comes from OnCallTUI (pure, no curses), so a bad `[keys]` or `[theme]` is refused on load.
        .target(
            name: "OnCallConfig",
            dependencies: ["OnCallRules", "OnCallTUI", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // A believable shift of demo records, relative to `now`.
        .target(name: "OnCallDemo", dependencies: ["OnCallRules"]),
        // The local SQLite store (GRDB): migrations, one transaction per command, audit, change detection.
        .target(name: "OnCallStore", dependencies: ["OnCallRules", .product(name: "GRDB", package: "GRDB.swift")]),
        // Zendesk / PagerDuty / GitLab payloads -> records, and the merge rules for re-imports.
        .target(name: "OnCallImport", dependencies: ["OnCallRules"]),
        // The live pull: one HTTP client, one puller per vendor, fed through the importer's readers and merge.
        .target(
            name: "OnCallSync",
            dependencies: [
                "OnCallRules", "OnCallStore", "OnCallImport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // Local fakes of the four vendor APIs on 127.0.0.1, for the tests and the bench (never shipped in `oncall`).
        .target(
            name: "OnCallVendorFake",
            dependencies: [
                "OnCallRules", "OnCallDemo",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The dashboard as pure code: state, update, view into a cell buffer. No curses.
        .target(name: "OnCallTUI", dependencies: ["OnCallRules"]),
        // ncursesw, seen through a small shim header.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // posix_spawn with clean descriptors and signals, for the bench and the end-to-end tests.
        .target(name: "OnCallSpawn"),
        // The only code that touches the terminal.
        .target(name: "OnCallTerminal", dependencies: ["OnCallTUI", "CNCurses"]),
        .executableTarget(
            name: "oncall",
            dependencies: [
                "OnCallRules", "OnCallConfig", "OnCallDemo", "OnCallStore", "OnCallImport", "OnCallSync", "OnCallTUI",
                "OnCallTerminal", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "oncall-bench",
            dependencies: [
                "OnCallRules", "OnCallConfig", "OnCallDemo", "OnCallStore", "OnCallImport", "OnCallTUI", "OnCallSpawn",
                "OnCallSync", "OnCallVendorFake", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "OnCallRulesTests", dependencies: ["OnCallRules"]),
        .testTarget(name: "OnCallConfigTests", dependencies: ["OnCallConfig", "OnCallRules"]),
        .testTarget(
            name: "OnCallStoreTests",
            dependencies: ["OnCallStore", "OnCallRules", "OnCallDemo", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "OnCallImportTests",
            dependencies: ["OnCallImport", "OnCallRules", "OnCallDemo"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "OnCallSyncTests",
            dependencies: [
                "OnCallSync", "OnCallVendorFake", "OnCallStore", "OnCallImport", "OnCallRules", "OnCallDemo",
            ]
        ),
        .testTarget(name: "OnCallDemoTests", dependencies: ["OnCallDemo", "OnCallRules"]),
        .testTarget(
            name: "OnCallTUITests", dependencies: ["OnCallTUI", "OnCallRules", "OnCallDemo"],
            // Whole-screen text snapshots, read from the source tree by the tests.
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "OnCallBenchTests", dependencies: ["oncall-bench", "OnCallTUI", "OnCallRules"]),
        .testTarget(
            name: "OnCallEndToEndTests",
            // The store and GRDB only to inspect a store after a run (integrity, audit coverage), never to write.
            dependencies: [
                "oncall", "OnCallStore", "OnCallDemo", "OnCallSpawn", "OnCallVendorFake", "OnCallRules",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
