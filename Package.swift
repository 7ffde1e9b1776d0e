// swift-tools-version: 6.2
import PackageDescription

/// Curbside: Socrata portals → bronze → silver → gold → site.
/// Dependencies point one way: CurbsideModel ← stages ← CurbsidePublish ← CurbsideCommands ← curbside.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "curbside",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "curbside", targets: ["curbside"]),
        // The parsers' modules, for the fuzz targets in Fuzz/ (a package of their own, built with libFuzzer).
        .library(
            name: "CurbsideParsers",
            targets: [
                "CurbsideModel", "CurbsideIngest", "CurbsideClean", "CurbsideSimulator", "CurbsideRender",
                "CurbsideTrain",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries, found through pkg-config and installed with apt.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),

        // The shared model every stage uses.
        .target(
            name: "CurbsideModel",
            dependencies: [
                "CMalloc",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),

        // Stages.
        .target(
            name: "CurbsideWarehouse",
            dependencies: [
                "CurbsideModel", "CZstd", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CurbsideIngest",
            dependencies: [
                "CurbsideModel", "CurbsideWarehouse", "CCurl",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CurbsideSimulator",
            dependencies: [
                "CurbsideModel",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CurbsideClean",
            dependencies: ["CurbsideModel", "CurbsideWarehouse", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CurbsideAggregate",
            dependencies: ["CurbsideModel", "CurbsideWarehouse", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CurbsideTrain",
            dependencies: ["CurbsideModel", "CurbsideWarehouse", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CurbsideCharts",
            dependencies: ["CurbsideModel"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CurbsideRender",
            dependencies: [
                "CurbsideModel", "CurbsideCharts", "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CurbsidePublish",
            dependencies: ["CurbsideModel"],
            swiftSettings: swiftSettings
        ),

        // The commands, in a library so end-to-end tests can call them.
        .target(
            name: "CurbsideCommands",
            dependencies: [
                "CurbsideModel", "CurbsideWarehouse", "CurbsideIngest", "CurbsideSimulator",
                "CurbsideClean", "CurbsideAggregate", "CurbsideTrain", "CurbsideCharts", "CurbsideRender",
                "CurbsidePublish",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "curbside",
            dependencies: ["CurbsideCommands"],
            swiftSettings: swiftSettings
        ),

        // Tests: one target per module, shared fixtures in CurbsideTestSupport.
        .target(
            name: "CurbsideTestSupport",
            dependencies: ["CurbsideModel"],
            path: "Tests/CurbsideTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurbsideModelTests",
            dependencies: ["CurbsideModel", "CurbsideTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurbsideWarehouseTests",
            dependencies: ["CurbsideWarehouse", "CurbsideTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurbsideIngestTests",
            dependencies: [
                "CurbsideIngest", "CurbsideClean", "CurbsideSimulator", "CurbsideWarehouse", "CurbsideTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurbsideSimulatorTests",
            dependencies: [
                "CurbsideSimulator", "CurbsideIngest", "CurbsideClean", "CurbsideWarehouse", "CurbsideTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurbsideCleanTests",
            dependencies: [
                "CurbsideClean", "CurbsideWarehouse", "CurbsideTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurbsideAggregateTests",
            dependencies: ["CurbsideAggregate", "CurbsideClean", "CurbsideWarehouse", "CurbsideTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurbsideTrainTests",
            dependencies: ["CurbsideTrain", "CurbsideModel", "CurbsideTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurbsideChartsTests",
            dependencies: ["CurbsideCharts", "CurbsideTestSupport"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurbsideRenderTests",
            dependencies: ["CurbsideRender", "CurbsideTestSupport"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurbsidePublishTests",
            dependencies: ["CurbsidePublish", "CurbsideTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurbsideCommandsTests",
            dependencies: [
                "CurbsideCommands", "CurbsideWarehouse", "CurbsidePublish", "CurbsideTestSupport",
                .product(name: "Logging", package: "swift-log"), .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Expected"],
            swiftSettings: swiftSettings
        ),
    ]
)
