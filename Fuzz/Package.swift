// swift-tools-version: 6.2
import PackageDescription

/// libFuzzer targets, one per parser of input Curbside does not control. Each executable defines
/// `LLVMFuzzerTestOneInput` and is built with `swift build --sanitize=fuzzer --sanitize=address` (see
/// `scripts/fuzz` and `make fuzz`); its seed corpus is in `Corpus/<target>/`, its dictionary in `Dictionaries/`.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "curbside-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "curbside", path: "..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "CurbsideParsers", package: "curbside")],
            swiftSettings: swiftSettings
        ),
        fuzzTarget("fuzz-portal-page", path: "PortalPage"),
        fuzzTarget("fuzz-row-offsets", path: "RowOffsets"),
        fuzzTarget("fuzz-soql", path: "SoQL"),
        fuzzTarget("fuzz-front-matter", path: "FrontMatter"),
        fuzzTarget("fuzz-page", path: "Page"),
        fuzzTarget("fuzz-config", path: "Config"),
        fuzzTarget("fuzz-training-csv", path: "TrainingCSV"),
        fuzzTarget("fuzz-model-json", path: "ModelJSON"),
    ]
)

/// One fuzz target: a single file, parsed as a library (libFuzzer supplies `main`).
func fuzzTarget(_ name: String, path: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport", .product(name: "CurbsideParsers", package: "curbside")],
        path: "Sources/" + path,
        swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]
    )
}
