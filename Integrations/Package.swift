// swift-tools-version: 6.1
//
// Interchange's integrations with server frameworks: a separate package, so the root package
// keeps no package dependencies. `InterchangeHummingbird` mounts a protocol's dispatcher on a
// Hummingbird 2 router in one line, with swift-log and swift-metrics; `DB4403TCP` runs DB4403's
// TCP sessions (6.1.3) on SwiftNIO. Built and tested by CI.
import PackageDescription

let package = Package(
    name: "InterchangeIntegrations",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "InterchangeHummingbird", targets: ["InterchangeHummingbird"]),
        .library(name: "DB4403TCP", targets: ["DB4403TCP"]),
        .executable(name: "interchange-sim", targets: ["interchange-sim"]),
    ],
    dependencies: [
        .package(name: "Interchange", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "InterchangeHummingbird",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "InterchangeRuntime", package: "Interchange"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]),
        .target(
            name: "DB4403TCP",
            dependencies: [
                .product(name: "DB4403", package: "Interchange"),
                .product(name: "InterchangeRuntime", package: "Interchange"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .target(
            name: "InterchangeSimulator",
            dependencies: [
                "DB4403TCP", "InterchangeHummingbird",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "InterchangeCommandLine", package: "Interchange"),
                .product(name: "InterchangeRuntime", package: "Interchange"),
                .product(name: "DB4403", package: "Interchange"), .product(name: "EVCS", package: "Interchange"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(name: "interchange-sim", dependencies: ["InterchangeSimulator"]),
        .executableTarget(
            name: "interchange-serving-bench",
            dependencies: [
                "DB4403TCP", "InterchangeHummingbird",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "InterchangeRuntime", package: "Interchange"),
                .product(name: "DB4403", package: "Interchange"), .product(name: "EVCS", package: "Interchange"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "InterchangeSimulatorTests",
            dependencies: ["InterchangeSimulator", "DB4403TCP", .product(name: "InterchangeCommandLine", package: "Interchange")]),
        .testTarget(
            name: "DB4403TCPTests",
            dependencies: [
                "DB4403TCP",
                .product(name: "DB4403", package: "Interchange"),
                .product(name: "InterchangeRuntime", package: "Interchange"),
            ]),
        .testTarget(
            name: "InterchangeHummingbirdTests",
            dependencies: [
                "InterchangeHummingbird",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "InterchangeRuntime", package: "Interchange"),
                .product(name: "DB4403", package: "Interchange"), .product(name: "EVCS", package: "Interchange"),
                .product(name: "Youxing", package: "Interchange"), .product(name: "Tomda", package: "Interchange"),
                .product(name: "Yinli", package: "Interchange"),
            ]),
    ]
)
