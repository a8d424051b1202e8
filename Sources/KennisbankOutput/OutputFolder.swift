import Basics
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder is the generator's own: a build replaces everything in it, so it writes
/// only into a folder that is absent, empty, or marked as made by an earlier build. Every
/// output carries the marker file; an output of a version before the marker counts as the
/// generator's own by what it holds (the previous output kept beside it, or the files every
/// build writes), so that upgrading refuses nothing.
package enum OutputFolder {
    /// What the marker says to someone who opens it.
    package static let markerText = """
        This folder is written by `kennisbank build`, which replaces everything in it at each build.
        Keep no files of your own here: they would be deleted.

        """

    /// The files every build of a version before the marker wrote at the top of its output.
    static let legacyFiles = ["index.html", "404.html", "robots.txt"]

    /// Why a build may not write into `destination`, or nil when it may. Touches nothing.
    package static func refusal(_ destination: URL) -> String? {
        let name = destination.lastPathComponent
        switch state(of: destination.path) {
        case .absent, .empty, .marked:
            break
        case .unreadable(let reason):
            return "cannot look into the output folder (\(reason)), so the build cannot tell whether it holds your own files; choose another --output"
        case .notAFolder:
            return "the output is a file, not a folder; choose another --output, or move the file away"
        case .unmarked:
            // An earlier version's output without the files above: its previous output beside it.
            if [.legacy, .marked].contains(state(of: StagedOutput.previous(of: destination).path)) { break }
            return "this folder holds files that the generator did not write (it has no `\(OutputMarker.name)` file), and a build replaces the whole folder; choose another --output, or empty the folder first"
        case .legacy:
            break
        }
        // The folder beside the output that the next build reuses and replaces.
        let previous = StagedOutput.previous(of: destination)
        switch state(of: previous.path) {
        case .absent, .empty, .marked, .legacy:
            return nil
        case .unreadable, .notAFolder, .unmarked:
            return "`\(previous.lastPathComponent)` beside this output folder is not one the generator wrote, and a build would replace it (the site a build replaces is kept there); move it away, or choose another --output than `\(name)`"
        }
    }

    /// What is at `path`, as far as ownership goes.
    private enum State: Equatable {
        case absent, empty, marked, legacy, unmarked, notAFolder
        case unreadable(String)
    }

    private static func state(of path: String) -> State {
        var status = stat()
        if stat(path, &status) != 0 {
            return errno == ENOENT ? .absent : .unreadable(SystemError.reason(errno))
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { return .notAFolder }
        guard let folder = opendir(path) else { return .unreadable(SystemError.reason(errno)) }
        closedir(folder)
        let names = Set(entryNames(path))
        if names.isEmpty { return .empty }
        if isRegularFile(path + "/" + OutputMarker.name) { return .marked }
        // An output of an earlier version: the files each of its builds wrote, and its theme folder.
        if legacyFiles.allSatisfy({ isRegularFile(path + "/" + $0) }), isFolder(path + "/assets") { return .legacy }
        return .unmarked
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
