// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Kennisbank",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kennisbank", targets: ["kennisbank"]),
        .library(name: "Kennisbank", targets: ["Kennisbank", "Kader", "Diagnostics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        // cmark, the CommonMark reference implementation, from Debian's libcmark-dev.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Compiler-style diagnostics shared by every stage.
        .target(name: "Diagnostics"),
        // The Kwaliteitskader domain: parts, indicators, statuses. No file access, no HTML.
        .target(name: "Kader", dependencies: ["Diagnostics"]),
        // A small Swift wrapper over cmark's AST: parse, walk, anchor, rewrite, render.
        .target(name: "KennisbankMarkdown", dependencies: ["CCmark"]),
        // The generator: load -> model -> render -> write.
        .target(
            name: "Kennisbank",
            dependencies: [
                "Diagnostics",
                "Kader",
                "KennisbankMarkdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The development server: serves the site, rebuilds on change, reloads the browser.
        .target(
            name: "KennisbankServe",
            dependencies: [
                "Kennisbank",
                "Diagnostics",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        // The command-line shell over the library.
        .executableTarget(
            name: "kennisbank",
            dependencies: [
                "Kennisbank",
                "KennisbankServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "KennisbankTests",
            dependencies: ["Kennisbank", "KennisbankServe", "Kader", "KennisbankMarkdown", "Diagnostics"]
        ),
    ]
)
