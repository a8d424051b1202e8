import Foundation
import Synchronization
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// Prints how long each stage of a build took, and the memory in use after it, to standard
/// error when the environment variable `KENNISBANK_TIMINGS` is set (for `bench/`; a build
/// prints nothing of it otherwise).
package enum StageClock {
    private static let enabled = ProcessInfo.processInfo.environment["KENNISBANK_TIMINGS"] != nil
    private static let last = Mutex(Date())

    /// Starts timing the first stage.
    package static func start() {
        if enabled { last.withLock { $0 = Date() } }
    }

    /// Ends the stage `label`, printing its time, resident memory and peak memory so far.
    package static func mark(_ label: String) {
        guard enabled else { return }
        let now = Date()
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func kilobytes(_ key: String) -> Int {
            let line = status.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
            return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? 0
        }
        let started = last.withLock { previous in
            defer { previous = now }
            return previous
        }
        let line = String(format: "%7.3f s  resident %4d MiB  peak %4d MiB  %@\n", now.timeIntervalSince(started),
                          kilobytes("VmRSS") / 1024, kilobytes("VmHWM") / 1024, label)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
