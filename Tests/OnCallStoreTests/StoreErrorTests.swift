import GRDB
import OnCallRules
import Testing

@testable import OnCallStore

@Suite("Store errors")
struct StoreErrorTests {
    static let path = "/x/oncall.sqlite"

    @Test(
        "every SQLite failure becomes a StoreError that says what and where",
        arguments: [
            (
                ResultCode.SQLITE_BUSY,
                "store /x/oncall.sqlite is locked by another process (waited up to 5.0 s); try again, nothing was written"
            ),
            (
                .SQLITE_LOCKED,
                "store /x/oncall.sqlite is locked by another process (waited up to 5.0 s); try again, nothing was written"
            ),
            (.SQLITE_READONLY, "store /x/oncall.sqlite is read-only (permission denied): boom; nothing was written"),
            (
                .SQLITE_NOTADB,
                "store /x/oncall.sqlite is not an oncall store (not an SQLite database); move it away or choose another --store; it was left untouched"
            ),
            (
                .SQLITE_CORRUPT,
                "store /x/oncall.sqlite is corrupt (boom); it was left untouched: restore a backup or move it away"
            ),
            (.SQLITE_FULL, "store /x/oncall.sqlite: the disk is full (boom); nothing was written"),
            (.SQLITE_CANTOPEN, "store /x/oncall.sqlite: cannot open the file (boom)"),
            (.SQLITE_IOERR, "store /x/oncall.sqlite: input/output error (boom); nothing was written"),
            (
                .SQLITE_IOERR_WRITE,
                "store /x/oncall.sqlite: input/output error (boom while writing; the disk may be full or a file-size limit reached); nothing was written"
            ),
            (.SQLITE_ERROR, "store /x/oncall.sqlite: boom"),
        ])
    func conversion(code: ResultCode, message: String) {
        let converted = StoreError.converting(
            DatabaseError(resultCode: code, message: "boom"), path: Self.path, busyTimeout: 5)
        #expect((converted as? StoreError)?.description == message)
    }

    @Test("errors that are not SQLite's pass through unchanged")
    func ruleErrorsPassThrough() {
        let refusal = RuleError.refused("escalation 88 is already acknowledged")
        #expect(StoreError.converting(refusal, path: Self.path, busyTimeout: 5) as? RuleError == refusal)
    }
}
