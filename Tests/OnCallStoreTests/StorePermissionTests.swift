import Foundation
import Testing

@testable import OnCallStore

@Suite("Store file permissions")
struct StorePermissionTests {
    @Test("a new store's directories are 0700 and its files 0600, even with umask 0")
    func privateEvenWithPermissiveUmask() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/data/oncall/oncall.sqlite"
        let previous = umask(0)
        defer { umask(previous) }
        let store = try Store(path: path)
        try store.write([.ticket(Sample.ticket(1))])
        #expect(mode(dir.path + "/data") == 0o700)
        #expect(mode(dir.path + "/data/oncall") == 0o700)
        #expect(mode(path) == 0o600)
        // SQLite gives the WAL and shared-memory files the main file's mode.
        #expect(mode(path + "-wal") == 0o600)
        #expect(mode(path + "-shm") == 0o600)
    }

    @Test("an existing directory keeps its mode; only what the store creates is made private")
    func existingDirectoryUntouched() throws {
        let dir = try TemporaryDirectory()
        chmod(dir.path, 0o755)
        _ = try Store(path: dir.store)
        #expect(mode(dir.path) == 0o755)
        #expect(mode(dir.store) == 0o600)
    }

    @Test("the default path follows XDG_DATA_HOME, then HOME")
    func defaultPath() {
        #expect(Store.defaultPath(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/oncall/oncall.sqlite")
        #expect(
            Store.defaultPath(environment: ["XDG_DATA_HOME": "", "HOME": "/h"])
                == "/h/.local/share/oncall/oncall.sqlite")
    }
}
