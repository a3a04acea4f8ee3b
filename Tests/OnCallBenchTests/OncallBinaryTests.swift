import Foundation
import Testing

@testable import oncall_bench

@Suite struct OncallBinaryTests {
    /// A throwaway package: `Package.swift`, `Sources/App/main.swift`, and `.build/x/release/oncall`.
    func package() throws -> (root: String, binary: String, source: String) {
        let root = NSTemporaryDirectory() + "/oncall-bench-package-\(UUID().uuidString)"
        let files = FileManager.default
        try files.createDirectory(atPath: root + "/Sources/App", withIntermediateDirectories: true)
        try files.createDirectory(atPath: root + "/.build/x/release", withIntermediateDirectories: true)
        #expect(files.createFile(atPath: root + "/Package.swift", contents: Data()))
        #expect(files.createFile(atPath: root + "/Sources/App/main.swift", contents: Data()))
        #expect(files.createFile(atPath: root + "/.build/x/release/oncall", contents: Data()))
        return (root, root + "/.build/x/release/oncall", root + "/Sources/App/main.swift")
    }

    func setModified(_ path: String, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    @Test func missingBinaryIsStale() {
        #expect(OncallBinary.staleness("/no/such/dir/oncall") == "missing")
    }

    @Test func binaryNewerThanTheSourcesIsFresh() throws {
        let (root, binary, source) = try package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try setModified(source, Date(timeIntervalSinceNow: -3_600))
        try setModified(binary, Date())
        #expect(OncallBinary.staleness(binary) == nil)
    }

    @Test func binaryOlderThanASourceIsStaleAndSaysWhichFile() throws {
        let (root, binary, source) = try package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try setModified(binary, Date(timeIntervalSinceNow: -3_600))
        try setModified(source, Date())
        #expect(OncallBinary.staleness(binary) == "older than Sources/App/main.swift")
    }

    @Test func siblingIsNextToTheExecutable() {
        #expect(OncallBinary.sibling(of: "/p/.build/release/oncall-bench") == "/p/.build/release/oncall")
    }
}
