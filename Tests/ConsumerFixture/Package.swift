// swift-tools-version: 6.1
// A consumer of Interchange: its own protocol (Sources/Tolls: the spec, compiled at build time
// by the plugin, and the wire code beside it), registered with the `interchange` tool.
// CI builds and tests it (`swift test --package-path Tests/ConsumerFixture`).
import PackageDescription

let package = Package(
    name: "ConsumerFixture",
    dependencies: [.package(name: "Interchange", path: "../..")],
    targets: [
        .target(
            name: "Tolls",
            dependencies: [.product(name: "InterchangeRuntime", package: "Interchange")],
            plugins: [.plugin(name: "InterchangePlugin", package: "Interchange")]),
        .testTarget(
            name: "TollsTests",
            dependencies: ["Tolls", .product(name: "InterchangeCommandLine", package: "Interchange")]),
    ]
)
