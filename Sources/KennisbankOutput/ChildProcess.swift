import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The programs a build runs (WeasyPrint, Pagefind), started so that they end with the build
/// however it ends (it fails, Ctrl-C, SIGTERM, `kill -9`), and stopped at a time limit.
///
/// Foundation's `Process` puts each child in a process group of its own, so a signal to the
/// build never reaches it, and a killed build runs no code of its own. So each program is
/// started through util-linux's `setpriv --pdeathsig KILL` (Linux's `PR_SET_PDEATHSIG`, which
/// `exec` keeps): the kernel kills the program when the thread that started it ends. The
/// thread that starts one therefore waits for it (`waitUntilExit`) and never hands it on.
package enum ChildProcess {
    /// `setpriv`, where it is installed (util-linux, on every Debian); without it the programs
    /// start directly and outlive a killed build.
    static let deathSignalWrapper: String? = ["/usr/bin/setpriv", "/bin/setpriv"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// A process, not yet started, that runs `program` with `arguments` and is killed when the
    /// thread that starts it ends.
    package static func make(_ program: URL, _ arguments: [String]) -> Process {
        let process = Process()
        if let wrapper = deathSignalWrapper {
            process.executableURL = URL(fileURLWithPath: wrapper)
            process.arguments = ["--pdeathsig", "KILL", "--", program.path] + arguments
        } else {
            process.executableURL = program
            process.arguments = arguments
        }
        return process
    }

    /// Stops the started `process` at `deadline` if it still runs then: SIGTERM first, SIGKILL
    /// two seconds later. Cancel the returned timer once the process has ended.
    package static func limit(_ process: Process, until deadline: Date) -> DispatchWorkItem {
        let pid = process.processIdentifier
        let timer = DispatchWorkItem {
            guard process.isRunning else { return }
            process.terminate()
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
                if process.isRunning { kill(pid, SIGKILL) }
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0, deadline.timeIntervalSinceNow), execute: timer)
        return timer
    }
}

/// The text that comes out of a pipe until it closes, read on a thread of its own, so that a
/// full pipe never blocks the program that writes into it.
package final class PipeText: Sendable {
    private let text = Mutex("")
    private let done = DispatchSemaphore(value: 0)

    package init(_ pipe: Pipe) {
        Thread { [self] in
            let read = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            text.withLock { $0 = read }
            done.signal()
        }.start()
    }

    /// The text, once the pipe has closed or `seconds` have passed (a program that the child
    /// started may hold the pipe open after the child ended).
    package func wait(atMost seconds: TimeInterval = .infinity) -> String {
        if seconds.isFinite { _ = done.wait(timeout: .now() + seconds) } else { done.wait() }
        return text.withLock { $0 }
    }
}
