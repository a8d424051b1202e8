// swift-tools-version: 6.0
// libFuzzer targets for the readers of user files, for Markdown on its own and for the whole build of a small project. Built and run by `fuzz/run.sh`
// (`swift build --sanitize fuzzer --sanitize address`); not part of the main package, so that
// an ordinary build never needs the sanitizers.
import PackageDescription

let fuzzTarget = { (name: String) in
    Target.executableTarget(
        name: name,
        dependencies: ["FuzzSupport"],
        // libFuzzer provides `main`; the target only defines LLVMFuzzerTestOneInput.
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "KennisbankFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Kennisbank", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "Kennisbank", package: "Kennisbank")]),
        fuzzTarget("fuzz-front-matter"),
        fuzzTarget("fuzz-indicators"),
        fuzzTarget("fuzz-assessment"),
        fuzzTarget("fuzz-spreadsheet"),
        fuzzTarget("fuzz-build"),
        fuzzTarget("fuzz-markdown"),
    ]
)
