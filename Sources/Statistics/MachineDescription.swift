import Foundation

/// The machine a measurement ran on, named in every table so figures are never quoted bare.
public struct MachineDescription: Codable, Sendable, Equatable {
    /// Logical cores the process may use.
    public let logicalCores: Int
    /// Operating system name and version, e.g. "Linux 6.1.0 (Debian GNU/Linux 12)".
    public let operatingSystem: String
    /// The Swift compiler that built this binary, e.g. "Swift 6.3".
    public let swiftVersion: String
    /// The processor model where the OS tells it, else "unknown processor".
    public let processor: String

    public init(logicalCores: Int, operatingSystem: String, swiftVersion: String, processor: String) {
        self.logicalCores = logicalCores
        self.operatingSystem = operatingSystem
        self.swiftVersion = swiftVersion
        self.processor = processor
    }

    /// The machine this process is running on.
    public static var current: MachineDescription {
        let info = ProcessInfo.processInfo
        return MachineDescription(
            logicalCores: info.activeProcessorCount,
            operatingSystem: operatingSystemName(),
            swiftVersion: compilerVersion,
            processor: processorModel()
        )
    }

    /// One line for a table caption: "2 logical cores, Linux 6.1 (Debian 12), Swift 6.3, <cpu>".
    public var oneLine: String {
        "\(logicalCores) logical cores, \(operatingSystem), \(swiftVersion), \(processor)"
    }

    private static var compilerVersion: String {
        #if compiler(>=7.0)
            return "Swift 7 or later"
        #elseif compiler(>=6.3)
            return "Swift 6.3"
        #elseif compiler(>=6.2)
            return "Swift 6.2"
        #elseif compiler(>=6.1)
            return "Swift 6.1"
        #else
            return "Swift 6.0"
        #endif
    }

    private static func operatingSystemName() -> String {
        let version = ProcessInfo.processInfo.operatingSystemVersion
        let kernel = "\(version.majorVersion).\(version.minorVersion).\(version.patchVersion)"
        #if os(Linux)
            if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
                let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") })
            {
                let name = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return "Linux \(kernel) (\(name))"
            }
            return "Linux \(kernel)"
        #elseif os(macOS)
            return "macOS \(kernel)"
        #else
            return "unknown OS \(kernel)"
        #endif
    }

    private static func processorModel() -> String {
        #if os(Linux)
            if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
                let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
                let colon = line.firstIndex(of: ":")
            {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        #endif
        return "unknown processor"
    }
}
