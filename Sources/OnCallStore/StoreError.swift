import Foundation

/// Why the store could not be used; `description` is the one line shown to the user.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Anything not covered below (an unexpected SQLite error), with SQLite's own words.
    case unavailable(path: String, reason: String)
    /// The store's directory is missing and could not be created.
    case cannotCreateDirectory(path: String, directory: String, reason: String)
    /// The store's directory exists but the store cannot create files in it.
    case directoryNotWritable(path: String, directory: String)
    /// The file (or its directory) may not be written.
    case readOnly(path: String, reason: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The file is an SQLite database whose content is damaged.
    case corrupt(path: String, reason: String)
    /// Another process kept the store locked for longer than the busy timeout.
    case locked(path: String, waitedSeconds: Double)
    /// The disk (or a file-size limit) is full.
    case full(path: String, reason: String)
    /// The operating system reported an I/O error.
    case ioError(path: String, reason: String)
    /// The file at the path is no longer the one that was opened (another file was moved over it, or it was
    /// deleted): nothing more is written to either.
    case replaced(path: String)
    /// The file was written by a newer `oncall` whose schema this one does not know.
    case newerSchema(path: String, migrations: [String])

    public var description: String {
        switch self {
        case .unavailable(let path, let reason):
            "store \(path): \(reason)"
        case .cannotCreateDirectory(let path, let directory, let reason):
            "store \(path): cannot create its directory \(directory): \(reason)"
        case .directoryNotWritable(let path, let directory):
            "store \(path): its directory \(directory) is not writable (permission denied); "
                + "fix the permissions or choose another --store"
        case .readOnly(let path, let reason):
            "store \(path) is read-only (permission denied): \(reason); nothing was written"
        case .notADatabase(let path):
            "store \(path) is not an oncall store (not an SQLite database); "
                + "move it away or choose another --store; it was left untouched"
        case .corrupt(let path, let reason):
            "store \(path) is corrupt (\(reason)); it was left untouched: restore a backup or move it away"
        case .locked(let path, let waited):
            "store \(path) is locked by another process (waited up to \(Self.seconds(waited))); "
                + "try again, nothing was written"
        case .full(let path, let reason):
            "store \(path): the disk is full (\(reason)); nothing was written"
        case .ioError(let path, let reason):
            "store \(path): input/output error (\(reason)); nothing was written"
        case .replaced(let path):
            "store \(path) was replaced or removed since it was opened (another file is at that path now); "
                + "nothing was written"
        case .newerSchema(let path, let migrations):
            "store \(path) was written by a newer oncall (unknown schema steps: "
                + "\(migrations.joined(separator: ", "))); upgrade oncall to use it"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value < 1 ? "\(Int((value * 1000).rounded())) ms" : String(format: "%.1f s", value)
    }
}
