// swift-tools-version: 6.1
//
// A service that imports every bundled protocol module, the runtime and Hummingbird 2
// together, as users combine them: it must compile without qualifying the names it writes
// often. Built by CI; never a dependency of the root package.
import PackageDescription

let package = Package(
    name: "ComposeFixture",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Interchange", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        .executableTarget(
            name: "ComposeFixture",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "InterchangeRuntime", package: "Interchange"),
                .product(name: "DB4403", package: "Interchange"), .product(name: "EVCS", package: "Interchange"),
                .product(name: "Youxing", package: "Interchange"), .product(name: "Tomda", package: "Interchange"),
                .product(name: "Yinli", package: "Interchange"),
            ])
    ]
)
