import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prepares the store's directory and file before SQLite opens it: creates them private (0700 / 0600) whatever
/// the umask, and refuses early, without writing anything, what SQLite would refuse later with vaguer words.
enum StoreFile {
    /// The first bytes of every SQLite 3 database file.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Makes the store ready to open read-write; returns warnings to show (a directory others can write to).
    @discardableResult
    static func prepare(path: String) throws -> [String] {
        guard !path.isEmpty else { throw StoreError.unavailable(path: path, reason: "the store path is empty") }
        let directory = directory(of: path)
        try ensureDirectory(directory, storePath: path)
        let warnings = directoryWarnings(directory, storePath: path)

        var info = stat()
        // lstat: a symbolic link is refused, never followed (a dangling one would create the store wherever
        // it points, with whatever mode the target gets).
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else {
                throw StoreError.unavailable(path: path, reason: String(cString: strerror(errno)))
            }
            guard isWritable(directory) else {
                throw StoreError.directoryNotWritable(path: path, directory: directory)
            }
            try createFile(path)
            return warnings
        }
        try checkKind(info, path: path)
        guard isWritable(path) else {
            throw StoreError.readOnly(
                path: path, reason: isOnReadOnlyMedium(path) ? "it is on a read-only file system" : "the file is not writable")
        }
        // WAL mode needs to create `-wal` and `-shm` files next to the store.
        guard isWritable(directory) else {
            throw StoreError.directoryNotWritable(path: path, directory: directory)
        }
        try checkHeader(path, size: Int(info.st_size))
        return warnings
    }

    /// Makes an existing store ready to open read-only, for reading verbs when it cannot be written (a
    /// read-only mount, a file or directory without write permission). Returns nil when it can be written
    /// (open it read-write as usual); otherwise why it is read-only and whether the medium itself is (then
    /// nobody can write it and SQLite may read it as immutable, without creating `-shm`).
    static func prepareForReading(path: String) throws -> (reason: String, readOnlyMedium: Bool)? {
        guard !path.isEmpty else { throw StoreError.unavailable(path: path, reason: "the store path is empty") }
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        try checkKind(info, path: path)
        let directory = directory(of: path)
        let readOnlyMedium = isOnReadOnlyMedium(path)
        let reason: String
        if readOnlyMedium {
            reason = "it is on a read-only file system"
        } else if !isWritable(path) {
            reason = "the file is not writable"
        } else if !isWritable(directory) {
            reason = "its directory \(directory) is not writable"
        } else {
            return nil
        }
        guard info.st_size > 0 else {
            throw StoreError.readOnly(path: path, reason: "\(reason) and the store is empty")
        }
        try checkHeader(path, size: Int(info.st_size))
        return (reason, readOnlyMedium)
    }

    static func isOnReadOnlyMedium(_ path: String) -> Bool {
        var medium = statvfs()
        return statvfs(path, &medium) == 0 && medium.f_flag & UInt(ST_RDONLY) != 0
    }

    static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// Only a regular file (or nothing yet) can be the store: not a link, a directory, a device or a pipe.
    private static func checkKind(_ info: stat, path: String) throws {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFLNK:
            throw StoreError.unavailable(
                path: path, reason: "it is a symbolic link; give the real path of the store (links are not followed)")
        case S_IFDIR: throw StoreError.unavailable(path: path, reason: "it is a directory, not a file")
        default: throw StoreError.unavailable(path: path, reason: "not a regular file (a device, pipe or socket)")
        }
    }

    /// A directory other users can write to lets them replace the store or plant its `-wal`/`-shm` files.
    private static func directoryWarnings(_ directory: String, storePath: String) -> [String] {
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IWOTH != 0 else { return [] }
        let mode = String(info.st_mode & 0o7777, radix: 8)
        return [
            "warning: store \(storePath): its directory \(directory) is writable by other users (mode \(mode)); "
                + "keep the store in a private directory"
        ]
    }

    /// Creates each missing directory of the chain with mode 0700.
    private static func ensureDirectory(_ directory: String, storePath: String) throws {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw StoreError.cannotCreateDirectory(
                    path: storePath, directory: directory, reason: "a file of that name is in the way")
            }
            return
        }
        guard errno == ENOENT else {
            throw StoreError.cannotCreateDirectory(
                path: storePath, directory: directory, reason: String(cString: strerror(errno)))
        }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != directory { try ensureDirectory(parent, storePath: storePath) }
        if !isWritable(parent.isEmpty ? "." : parent) {
            throw StoreError.cannotCreateDirectory(
                path: storePath, directory: directory, reason: "permission denied in \(parent)")
        }
        guard mkdir(directory, 0o700) == 0 || errno == EEXIST else {
            throw StoreError.cannotCreateDirectory(
                path: storePath, directory: directory, reason: String(cString: strerror(errno)))
        }
        // mkdir applies the umask; the store's directory is private whatever it was.
        chmod(directory, 0o700)
    }

    /// Creates the empty store file 0600 before SQLite sees it, so its mode never depends on the umask.
    private static func createFile(_ path: String) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }  // another process created it just now: fine, SQLite takes it from here
            let reason = String(cString: strerror(errno))
            if errno == EACCES || errno == EROFS || errno == EPERM {
                throw StoreError.readOnly(path: path, reason: "cannot create the file: \(reason)")
            }
            throw StoreError.unavailable(path: path, reason: "cannot create the file: \(reason)")
        }
        defer { close(fd) }
        var info = stat()
        guard fchmod(fd, 0o600) == 0, fstat(fd, &info) == 0, info.st_mode & 0o777 == 0o600 else {
            throw StoreError.unavailable(
                path: path, reason: "cannot make it private (0600): \(String(cString: strerror(errno)))")
        }
    }

    /// A non-empty file must start with SQLite's header; checked before SQLite touches it.
    private static func checkHeader(_ path: String, size: Int) throws {
        guard size > 0 else { return }
        guard size >= sqliteHeader.count else { throw StoreError.notADatabase(path: path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw StoreError.readOnly(path: path, reason: "cannot read it: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: sqliteHeader.count)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count == sqliteHeader.count, bytes == sqliteHeader else { throw StoreError.notADatabase(path: path) }
    }

    /// Writable by this process. Root passes every `access` check, so for root the mode bits decide: a file or
    /// directory someone made read-only stays read-only for the store too.
    static func isWritable(_ path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        guard geteuid() == 0 else { return true }
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & 0o222 != 0
    }
}
