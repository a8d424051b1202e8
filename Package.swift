// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Kennisbank",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kennisbank", targets: ["kennisbank"]),
        .library(name: "Kennisbank", targets: ["Kennisbank", "KennisbankLoad", "KennisbankMarkdown", "Kader", "Diagnostics", "SiteFormats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
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
        // Small helpers every stage shares: slugs, unique ids, trimming, byte order, a parallel
        // map and a readdir reader.
        .target(name: "Basics"),
        // A small Swift wrapper over cmark's AST: parse, walk, anchor, rewrite, render.
        .target(name: "KennisbankMarkdown", dependencies: ["CCmark", "Basics"]),
        // The user's file formats as plain values: the site config and page front matter.
        .target(name: "SiteFormats", dependencies: ["Kader", "Basics"]),
        // Stage 1, load: files, front matter (Yams), cmark trees, kader and assessment drafts,
        // the spreadsheet import.
        .target(
            name: "KennisbankLoad",
            dependencies: [
                "Diagnostics", "Kader", "KennisbankMarkdown", "SiteFormats", "Basics",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Stage 2, model: the typed site (tree, navigation, kader site, assessments, book). It
        // imports neither loading nor rendering: no files, no HTML.
        .target(name: "KennisbankModel", dependencies: ["Diagnostics", "Kader", "SiteFormats", "Basics"]),
        // Stage 3, render: links written as URLs, templates and their values, one renderer per
        // kind of output.
        .target(
            name: "KennisbankRender",
            dependencies: [
                "Diagnostics", "Kader", "KennisbankMarkdown", "KennisbankLoad", "KennisbankModel", "SiteFormats", "Basics",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // System calls Swift's Glibc module does not show: swapping two folders in one step.
        .target(name: "CSystemCalls"),
        // Stage 4, output: the staged output folder, PDFs, the search index.
        .target(name: "KennisbankOutput", dependencies: ["Diagnostics", "Kader", "Basics", "CSystemCalls"]),
        // The build: composes the stages (load -> model -> render -> output) for each command.
        .target(
            name: "Kennisbank",
            dependencies: [
                "Diagnostics", "Kader", "KennisbankMarkdown", "SiteFormats", "Basics",
                "KennisbankLoad", "KennisbankModel", "KennisbankRender", "KennisbankOutput",
            ]
        ),
        // The development server: serves the site, rebuilds on change, reloads the browser.
        .target(
            name: "KennisbankServe",
            dependencies: [
                "Kennisbank",
                "Diagnostics",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // The shipped site (templates, config, content without its assessments) inside the
        // binary, so `assessment render` works from any folder. The files stay where they are:
        // the plugin embeds them at build time (SwiftPM's `.embedInCode` keeps only file names,
        // and the content has many `_index.md`).
        .target(name: "DefaultSite", plugins: ["EmbedDefaultSite"]),
        .plugin(name: "EmbedDefaultSite", capability: .buildTool(), dependencies: ["EmbedFiles"]),
        // The plugin's tool: writes the files into one Swift source.
        .executableTarget(name: "EmbedFiles"),
        // The command-line shell over the library.
        .executableTarget(
            name: "kennisbank",
            dependencies: [
                "Kennisbank",
                "KennisbankServe",
                "DefaultSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "KennisbankTests",
            dependencies: ["kennisbank", "Kennisbank", "KennisbankServe", "DefaultSite", "Kader", "KennisbankMarkdown", "Diagnostics", "SiteFormats", "Basics",
                           "KennisbankLoad", "KennisbankModel", "KennisbankRender", "KennisbankOutput",
                           .product(name: "PropertyBased", package: "swift-property-based")],
            // The GFM spec examples, read by the tests from the source tree.
            exclude: ["Fixtures"]
        ),
    ]
)
