// swift-tools-version:6.1
// A minimal driver over ScaleLab's Primitives sources (Sources/Primitives is a symbolic link to
// the package's), for instruction counts under valgrind: valgrind 3.19 cannot run `scalelab`
// itself (it stops at the DWARF 5 debug information and, stripped, in libdispatch's handling of
// an async main). Run by ../instruction-counts.sh.
import PackageDescription

let package = Package(
    name: "InstructionCounts",
    targets: [
        .target(name: "Primitives", swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "InstructionCounts", dependencies: ["Primitives"], swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
