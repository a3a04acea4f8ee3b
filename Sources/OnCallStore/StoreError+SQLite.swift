import Foundation
import GRDB

extension StoreError {
    /// Turns an error from SQLite (through GRDB) into the store error a user can act on. Errors that are not
    /// database errors (a `RuleError` thrown by a command) are returned unchanged.
    static func converting(_ error: any Error, path: String, busyTimeout: Double) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.locked(path: path, waitedSeconds: busyTimeout)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError.readOnly(path: path, reason: reason)
        case .SQLITE_NOTADB:
            return StoreError.notADatabase(path: path)
        case .SQLITE_CORRUPT:
            return StoreError.corrupt(path: path, reason: reason)
        case .SQLITE_FULL:
            return StoreError.full(path: path, reason: reason)
        case .SQLITE_CANTOPEN:
            return StoreError.unavailable(path: path, reason: "cannot open the file (\(reason))")
        case .SQLITE_IOERR:
            // A write refused by a file-size limit (EFBIG) reaches SQLite as a failed write, not as FULL.
            switch error.extendedResultCode {
            case .SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE:
                return StoreError.ioError(
                    path: path, reason: "\(reason) while writing; the disk may be full or a file-size limit reached")
            default:
                return StoreError.ioError(path: path, reason: reason)
            }
        default:
            return StoreError.unavailable(path: path, reason: reason)
        }
    }
}
