import Foundation

/// One input to import: a file, standard input, or bytes in memory. Read in chunks, never all at once.
public final class ImportInput {
    private enum Source {
        case handle(FileHandle, close: Bool)
        case bytes([UInt8])
    }

    /// The name used in messages and summaries: the file path, or `-` for standard input.
    public let name: String
    private var source: Source
    private var done = false
    static let chunkSize = 1 << 20

    private init(name: String, source: Source) {
        self.name = name
        self.source = source
    }

    /// Opens a file; throws an `ImportError` naming it when it cannot be read.
    public static func file(_ path: String) throws(ImportError) -> ImportInput {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ImportError(input: path, path: nil, reason: "it is a directory, not a file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(input: path, path: nil, reason: "cannot open the file for reading")
        }
        return ImportInput(name: path, source: .handle(handle, close: true))
    }

    /// Standard input, named `-`.
    public static func standardInput() -> ImportInput {
        ImportInput(name: "-", source: .handle(FileHandle.standardInput, close: false))
    }

    /// Bytes already in memory (tests, small payloads).
    public static func bytes(_ bytes: [UInt8], name: String) -> ImportInput {
        ImportInput(name: name, source: .bytes(bytes))
    }

    /// Text in memory.
    public static func text(_ text: String, name: String) -> ImportInput {
        bytes(Array(text.utf8), name: name)
    }

    /// The next chunk, or nil at the end.
    func read() throws -> [UInt8]? {
        if done { return nil }
        switch source {
        case .bytes(let b):
            done = true
            source = .bytes([])
            return b.isEmpty ? nil : b
        case .handle(let h, let close):
            let data: Data?
            do {
                data = try h.read(upToCount: Self.chunkSize)
            } catch {
                throw ImportError(input: name, path: nil, reason: "read failed: \(error.localizedDescription)")
            }
            guard let data, !data.isEmpty else {
                done = true
                if close { try? h.close() }
                return nil
            }
            return [UInt8](data)
        }
    }

    deinit {
        if case .handle(let h, true) = source, !done { try? h.close() }
    }
}
