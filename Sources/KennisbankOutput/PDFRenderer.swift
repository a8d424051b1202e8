import Basics
import Foundation

/// Makes PDF files of printable HTML pages with WeasyPrint (Debian's `weasyprint`), through its
/// Python API: one Python process per core renders all its pages (instead of one program start
/// per page), with a URL fetcher that refuses everything but `data:` URLs and files inside
/// `allowedFolder`, so that no page can make the build fetch anything, and a time limit.
package enum PDFRenderer {
    /// The Python that has WeasyPrint: the interpreter of the `weasyprint` program on
    /// `searchPath` (the PATH when nil), if installed.
    package static func weasyPrint(searchPath: String? = nil) -> URL? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("weasyprint")
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
            // `#!/usr/bin/python3`: the program is a Python script; its interpreter has the module.
            let head = (try? FileHandle(forReadingFrom: candidate).readData(ofLength: 200)) ?? Data()
            let firstLine = String(decoding: head, as: UTF8.self).split(separator: "\n").first ?? ""
            if firstLine.hasPrefix("#!") {
                let interpreter = firstLine.dropFirst(2).split(separator: " ").map(String.init)
                if let program = interpreter.first, FileManager.default.isExecutableFile(atPath: program) {
                    return URL(fileURLWithPath: program)
                }
            }
        }
        return nil
    }

    /// How long the PDFs of one build may take in all.
    package static let timeLimit: TimeInterval = 600

    /// Renders each page to its PDF; returns one message per failure. `base` is the address
    /// relative links in the PDF resolve against (never a local path: PDFs are the same from
    /// build to build and reveal nothing of the build machine); `allowedFolder` is the only
    /// folder whose files a page may embed.
    package static func render(_ jobs: [(html: String, pdf: URL, base: String)], with python: URL,
                               allowedFolder: URL) -> [String] {
        guard !jobs.isEmpty else { return [] }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, jobs.count))
        // Largest first, dealt out in turn, so the workers finish close together.
        let order = jobs.indices.sorted { jobs[$0].html.utf8.count > jobs[$1].html.utf8.count }
        let shares = (0..<workers).map { worker in order.enumerated().filter { $0.offset % workers == worker }.map(\.element) }
        let deadline = Date().addingTimeInterval(timeLimit)
        let results = parallelMap(shares) { share in
            run(share.map { jobs[$0] }, python: python, allowedFolder: allowedFolder, deadline: deadline)
        }
        // PDFs that failed for one cause (a full disk fails them all) are named in one message.
        var causes: [String] = []
        var names: [String: [String]] = [:]
        for (name, cause) in results.flatMap(\.failed) {
            if names[cause] == nil { causes.append(cause) }
            names[cause, default: []].append("`\(name)`")
        }
        return causes.map { "WeasyPrint could not make \(names[$0]!.joined(separator: ", ")): \($0)" } + results.flatMap(\.stopped)
    }

    private static func run(_ jobs: [(html: String, pdf: URL, base: String)], python: URL, allowedFolder: URL,
                            deadline: Date) -> (failed: [(name: String, cause: String)], stopped: [String]) {
        // Killed with the build: this thread waits for it below.
        let process = ChildProcess.make(python, ["-c", script, allowedFolder.standardizedFileURL.path])
        var environment = ProcessInfo.processInfo.environment
        // Fixed dates keep the PDF bytes the same from build to build.
        environment["SOURCE_DATE_EPOCH"] = "0"
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return ([], ["cannot start WeasyPrint (\(python.path)): \(SystemError.reason(error))"])
        }
        let timer = ChildProcess.limit(process, until: deadline)
        defer { timer.cancel() }
        let errorText = PipeText(errors)
        let writer = Thread {
            for job in jobs {
                let line = (try? JSONSerialization.data(withJSONObject: ["html": job.html, "pdf": job.pdf.path, "base": job.base])) ?? Data()
                input.fileHandleForWriting.write(line + Data([0x0A]))
            }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let answers = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let errorLines = errorText.wait()
        var failed: [(name: String, cause: String)] = []
        var stopped: [String] = []
        var done = Set<String>()
        for line in answers.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String],
                  let pdf = object["pdf"] else { continue }
            done.insert(pdf)
            if var message = object["error"] {
                if let code = object["errno"].flatMap(Int32.init), code != 0 { message = SystemError.reason(code) }
                failed.append((URL(fileURLWithPath: pdf).lastPathComponent, message))
            }
        }
        let missing = jobs.filter { !done.contains($0.pdf.path) }
        if !missing.isEmpty {
            let reason = process.terminationReason == .uncaughtSignal && Date() >= deadline
                ? "did not finish within \(Int(timeLimit)) s"
                : "stopped (\(SystemError.lastLine(errorLines).suffix(400)))"
            stopped.append("WeasyPrint \(reason); no PDF was made of " + missing.map { "`\($0.pdf.lastPathComponent)`" }.joined(separator: ", "))
        }
        return (failed, stopped)
    }

    /// The Python side: reads one job per line (JSON), renders it, answers one line per job.
    private static let script = #"""
import json, logging, os, sys, urllib.parse
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)
from weasyprint import HTML, default_url_fetcher
root = os.path.realpath(sys.argv[1])
def fetcher(url, *args, **kwargs):
    if url.startswith("data:"):
        return default_url_fetcher(url, *args, **kwargs)
    if url.startswith("file://"):
        path = os.path.realpath(urllib.parse.unquote(urllib.parse.urlparse(url).path))
        if path.startswith(root + os.sep):
            return default_url_fetcher(url, *args, **kwargs)
    raise ValueError("refused to fetch " + url[:200])
for line in sys.stdin:
    job = json.loads(line)
    try:
        HTML(string=job["html"], base_url=job["base"], url_fetcher=fetcher).write_pdf(job["pdf"], presentational_hints=True)
        answer = {"pdf": job["pdf"]}
    except OSError as error:
        # A write failure (a full disk) is said in one line by the build, from its number.
        answer = {"pdf": job["pdf"], "error": (error.strerror or str(error))[:400], "errno": str(error.errno or 0)}
    except Exception as error:
        answer = {"pdf": job["pdf"], "error": str(error).splitlines()[0][:400] if str(error) else type(error).__name__}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
"""#
}
