import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cause of a failed file operation in words for a diagnostic: the common ones said
/// plainly (a full disk is "no space left on the device"), the others as the system says them.
package enum SystemError {
    package static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "no space left on the device"
        case EDQUOT: "the disk quota is used up"
        case EROFS: "the file system is read-only"
        case EACCES, EPERM: "permission denied"
        case ENAMETOOLONG: "a file name in the path is too long"
        case EIO: "an input/output error of the device"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// The cause of an error thrown by Foundation (the POSIX error underneath when there is one).
    package static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return reason(Int32(nsError.code)) }
        return nsError.localizedDescription
    }

    /// The last line of a program's error output that says something: a Python traceback ends
    /// with the exception, which is all a one-line diagnostic needs.
    package static func lastLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).last { !$0.allSatisfy(\.isWhitespace) }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
}
