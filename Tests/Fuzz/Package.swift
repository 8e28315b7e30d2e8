// swift-tools-version: 6.1
//
// libFuzzer harnesses for everything that reads a peer's or a user's bytes. Build and run
// with `Tests/Fuzz/run` (it passes `--sanitize=fuzzer`); a plain
// `swift build` of this package cannot link them, as libFuzzer provides `main`.
import PackageDescription

let harnesses = ["FuzzJSONReader", "FuzzSpecLoader", "FuzzFrameDecoder", "FuzzEnvelopes", "FuzzValidator", "FuzzDispatcher"]

let package = Package(
    name: "InterchangeFuzz",
    dependencies: [.package(name: "Interchange", path: "../..")],
    targets: harnesses.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                .product(name: "InterchangeRuntime", package: "Interchange"),
                .product(name: "InterchangeCompiler", package: "Interchange"),
                .product(name: "DB4403", package: "Interchange"), .product(name: "EVCS", package: "Interchange"),
                .product(name: "Youxing", package: "Interchange"), .product(name: "Tomda", package: "Interchange"),
                .product(name: "Yinli", package: "Interchange"),
            ],
            path: "Sources/\(name)")
    }
)
