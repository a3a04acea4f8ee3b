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

    static func prepare(path: String) throws {
        guard !path.isEmpty else { throw StoreError.unavailable(path: path, reason: "the store path is empty") }
        let directory =
            (path as NSString).deletingLastPathComponent.isEmpty
            ? "." : (path as NSString).deletingLastPathComponent
        try ensureDirectory(directory, storePath: path)

        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else {
                throw StoreError.unavailable(path: path, reason: String(cString: strerror(errno)))
            }
            guard isWritable(directory) else {
                throw StoreError.directoryNotWritable(path: path, directory: directory)
            }
            try createFile(path)
            return
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw StoreError.unavailable(path: path, reason: "it is a directory, not a file")
        }
        guard isWritable(path) else {
            throw StoreError.readOnly(path: path, reason: "the file is not writable")
        }
        // WAL mode needs to create `-wal` and `-shm` files next to the store.
        guard isWritable(directory) else {
            throw StoreError.directoryNotWritable(path: path, directory: directory)
        }
        try checkHeader(path, size: Int(info.st_size))
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
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }  // another process created it just now: fine, SQLite takes it from here
            let reason = String(cString: strerror(errno))
            if errno == EACCES || errno == EROFS || errno == EPERM {
                throw StoreError.readOnly(path: path, reason: "cannot create the file: \(reason)")
            }
            throw StoreError.unavailable(path: path, reason: "cannot create the file: \(reason)")
        }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0 else {
            throw StoreError.unavailable(
                path: path, reason: "cannot make it private: \(String(cString: strerror(errno)))")
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
