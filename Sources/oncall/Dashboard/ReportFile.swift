import Foundation
import OnCallTUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the hand-off report to a file the user named: private (0600) whatever the umask, never over an
/// existing file unless the user said to replace it, and never half-written.
enum ReportFile {
    static func save(_ text: String, to path: String, replacing: Bool) throws {
        if replacing {
            // Write a private temporary file next to it, then rename over: the old file stays whole until
            // the new one is complete.
            let temporary = path + ".oncall-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            try create(temporary, text)
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw CLIError("cannot save to \(path): \(reason)")
            }
        } else {
            try create(path, text)
        }
    }

    /// O_EXCL: an existing file (or a link) at `path` is never opened, so it cannot be replaced or followed.
    private static func create(_ path: String, _ text: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { throw ReportFileExists(path: path) }
            throw CLIError("cannot save to \(path): \(String(cString: strerror(errno)))")
        }
        var failure: String?
        if fchmod(fd, 0o600) != 0 { failure = String(cString: strerror(errno)) }
        let bytes = Array(text.utf8)
        var offset = 0
        while failure == nil && offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
            } else {
                offset += written
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if let failure {
            unlink(path)
            throw CLIError("cannot save to \(path): \(failure)")
        }
    }
}
