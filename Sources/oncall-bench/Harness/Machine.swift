import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The machine the figures were taken on, printed above them.
struct Machine: Sendable {
    /// Online cores (`nproc`).
    var cores: Int
    var cpuModel: String
    /// The configuration this bench binary was built in.
    var buildConfiguration: String
    /// 1, 5 and 15 minute load averages when the run started (other work on the machine skews the figures).
    var loadAverage: String
    var kernel: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "")
            .split(separator: " ").prefix(3).joined(separator: " ")
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        #if DEBUG
            let configuration = "debug"
        #else
            let configuration = "release"
        #endif
        return Machine(
            cores: sysconf(Int32(_SC_NPROCESSORS_ONLN)), cpuModel: model, buildConfiguration: configuration,
            loadAverage: load.isEmpty ? "unknown" : load, kernel: "Linux " + release)
    }
}
