import ArgumentParser
import Diagnostics
import Foundation
import Kennisbank
import KennisbankServe
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics
import DefaultSite

/// The `kennisbank` command: a thin shell over the Kennisbank library.
@main
struct KennisbankCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kennisbank",
        abstract: "Builds the Housing First knowledge bank: Markdown content to a static HTML site.",
        discussion: """
        Run it in the project folder, which holds `content/`, `templates/` and `kennisbank.yml`. \
        Problems are reported as `path:line:column: error: message`, all at once; any error \
        makes the command exit with status 1 and leaves the previous site untouched.
        """,
        subcommands: [Build.self, Check.self, Serve.self, AssessmentCommand.self],
        defaultSubcommand: Build.self
    )
}

/// Options shared by `build` and `check`.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "Folder with the Markdown content.")
    var content = "content"

    @Option(name: .long, help: "Folder with the Mustache templates and the static theme files (templates/static).")
    var templates = "templates"

    @Option(name: .long, help: "Site config file (YAML). A missing file means default settings.")
    var config = "kennisbank.yml"

    func buildOptions(output: String = "_site") -> BuildOptions {
        BuildOptions(content: content, templates: templates, output: output, config: config)
    }
}

extension KennisbankCommand {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site into the output folder.",
            discussion: "The site is written into a staging folder and swapped in only when the whole build succeeded."
        )

        @OptionGroup var project: ProjectOptions

        @Option(name: .shortAndLong, help: "Output folder; it is replaced as a whole.")
        var output = "_site"

        @Flag(name: .long, help: "Skip the PDF files of the kader forms and assessments (faster; the HTML pages are still written).")
        var noPdf = false

        @Flag(name: .long, help: "Skip the search index (faster; the search field is left out).")
        var noSearch = false

        func run() throws {
            var options = project.buildOptions(output: output)
            options.makePDFs = !noPdf
            options.makeSearch = !noSearch
            let report = SiteBuilder.build(options)
            Report.print(report)
            if report.succeeded {
                var made = "\(report.pages) pages, \(report.assets) files"
                if let kader = report.kader {
                    made += ", the kader (\(kader.parts.count) parts, \(kader.indicators.count) indicators), \(report.forms) forms, \(report.assessments) assessments and \(report.pdfs) PDFs"
                }
                Report.line(String(format: "built %@ into %@ with %d warnings in %.2f s",
                                   made, output, report.diagnostics.warnings.count, report.seconds))
            } else {
                Report.line("\(report.checkedSummary); the build failed, so \(output) was left as it was")
                throw ExitCode.failure
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the content, templates and config; write nothing."
        )

        @OptionGroup var project: ProjectOptions

        func run() throws {
            let report = SiteBuilder.check(project.buildOptions())
            Report.print(report)
            Report.line(report.checkedSummary + String(format: " in %.2f s", report.seconds))
            if !report.succeeded { throw ExitCode.failure }
        }
    }
}

extension KennisbankCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site, serve it on this computer and rebuild on every change.",
            discussion: "Watches the content, templates and config; open pages reload after each rebuild. A failed rebuild keeps the last good site and shows its diagnostics in the browser. PDFs are left out for speed. Stop with Ctrl-C."
        )

        @OptionGroup var project: ProjectOptions

        @Option(name: .shortAndLong, help: "Output folder; it is replaced as a whole.")
        var output = "_site"

        @Option(name: .shortAndLong, help: "Port to listen on.")
        var port: UInt16 = 8000

        @Option(name: .long, help: "Address to listen on; only this computer (127.0.0.1) unless you give another.")
        var host = "127.0.0.1"

        @Option(name: .long, help: "Seconds a connection may wait for its client (a request, or reading the answer) before it is closed.")
        var idleTimeout: Double = 15

        func run() async throws {
            // Serving builds too: the same output folders are refused as by `build`, before anything is served.
            if let problem = SiteBuilder.outputProblem(project.buildOptions(output: output)) {
                Report.print(DiagnosticList([problem]))
                Report.line("nothing was served; \(output) was left as it was")
                throw ExitCode.failure
            }
            guard idleTimeout > 0, idleTimeout <= 3600 else {
                Report.line("error: --idle-timeout must be more than 0 and at most 3600 seconds")
                throw ExitCode.failure
            }
            let server = DevServer(options: project.buildOptions(output: output), host: host, port: port,
                                   idleTimeout: idleTimeout, log: { Report.line($0) })
            // Ctrl-C stops the server; nothing is left half-written because builds swap in whole.
            signal(SIGINT, SIG_IGN)
            let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .main)
            interrupt.setEventHandler {
                Report.line("stopped")
                Foundation.exit(0)
            }
            interrupt.resume()
            try await server.run { url in Report.line("serving \(url) (Ctrl-C stops)") }
        }
    }

    struct AssessmentCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assessment",
            abstract: "Work with completed assessments (zelfevaluaties).",
            subcommands: [Render.self, Template.self, Import.self]
        )

        struct Template: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the kader as a spreadsheet to fill in (CSV, UTF-8 with BOM, for Excel and LibreOffice).",
                discussion: "One row per indicator with empty Kleurscore, Reflectie and Acties columns, rows for the session above, and rows for the Plan van aanpak below. Fill it in and turn it into an assessment file with `kennisbank assessment import`."
            )

            @OptionGroup var project: ProjectOptions

            @Flag(name: .long, help: "Write CSV (the only format for now).")
            var csv = false

            @Option(name: .long, help: "Column separator: ';' (Dutch Excel, the default) or ','.")
            var separator = ";"

            @Option(name: .shortAndLong, help: "The file to write.")
            var output = "kwaliteitskader.csv"

            @Flag(name: .long, help: "Replace the file when it exists.")
            var force = false

            func validate() throws {
                guard csv else { throw ValidationError("say which format to write: --csv") }
                guard separator == ";" || separator == "," else { throw ValidationError("--separator must be ';' or ','") }
            }

            func run() throws {
                try Report.refuseExisting(output, force: force)
                let (data, diagnostics) = Spreadsheets.template(options: project.buildOptions(),
                                                                separator: separator.unicodeScalars.first!)
                Report.print(diagnostics)
                guard let data else { throw ExitCode.failure }
                try Report.write(data, to: output)
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Turn a filled-in kader spreadsheet (CSV) into an assessment file.",
                discussion: "Bad rows are reported as `file.csv:row: error: ...`, all at once; nothing is written then."
            )

            @OptionGroup var project: ProjectOptions

            @Argument(help: "The filled-in spreadsheet (CSV with ';' or ',').")
            var file: String

            @Option(name: .shortAndLong, help: "The assessment file to write (default: the spreadsheet's name with .md).")
            var output: String?

            @Flag(name: .long, help: "Replace the file when it exists.")
            var force = false

            func run() throws {
                let target = output ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".md"
                try Report.refuseExisting(target, force: force)
                let (text, diagnostics) = Spreadsheets.importCSV(path: file, options: project.buildOptions())
                Report.print(diagnostics)
                guard let text else {
                    Report.line("import failed with \(diagnostics.errors.count) errors")
                    throw ExitCode.failure
                }
                try Report.write(Data(text.utf8), to: target)
            }
        }

        struct Render: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Render one assessment file as a self-contained HTML page (and PDF), without building the site.",
                discussion: "The page has its styles inlined and no outside references: it opens by double-click and can be e-mailed. Links to the kader use the site's base_url when one is configured. Run in a site's folder, or give --site DIR; elsewhere the templates and kader built into kennisbank are used (a note says so)."
            )

            @OptionGroup var project: ProjectOptions

            @Argument(help: "The assessment file (Markdown with front matter).")
            var file: String

            @Option(name: .shortAndLong, help: "The HTML file to write (default: the file's name with .html, in the current folder).")
            var output: String?

            @Flag(name: .long, help: "Also write a PDF next to the HTML file (needs WeasyPrint).")
            var pdf = false

            @Flag(name: .long, help: "Replace the HTML file (and PDF) when they exist.")
            var force = false

            @Option(name: .long, help: "The site's folder (with content/, templates/ and kennisbank.yml): its kader, templates and earlier rounds. Without it, outside a site, the ones built into kennisbank.")
            var site: String?

            func run() throws {
                let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".html"
                let report = StandaloneAssessment.render(file: file, output: output ?? name, pdf: pdf, force: force, siteFolder: site,
                                                         options: project.buildOptions(), builtIn: DefaultSiteFiles.files)
                Report.print(report.diagnostics)
                guard report.succeeded else {
                    Report.line("rendering failed with \(report.diagnostics.errors.count) errors")
                    throw ExitCode.failure
                }
                Report.line("wrote " + report.written.joined(separator: " and "))
            }
        }
    }
}

/// Prints diagnostics to standard error and summaries to standard output.
enum Report {
    static func print(_ report: BuildReport) {
        print(report.diagnostics)
    }

    static func print(_ diagnostics: DiagnosticList) {
        for diagnostic in diagnostics.items {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    /// Stops the command when `path` exists and `force` is not set, before any work is done.
    static func refuseExisting(_ path: String, force: Bool) throws {
        guard let problem = SingleFile.refusal(path, force: force) else { return }
        print(DiagnosticList([problem]))
        throw ExitCode.failure
    }

    /// Writes one file, or stops the command with the cause.
    static func write(_ data: Data, to path: String) throws {
        if let problem = SingleFile.write(data, to: path) {
            print(DiagnosticList([problem]))
            throw ExitCode.failure
        }
        line("wrote \(path)")
    }

    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
