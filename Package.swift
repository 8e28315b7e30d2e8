// swift-tools-version: 6.2
//
// Interchange: a spec-driven protocol compiler and runtime for China's parking and
// EV-charging interchange standards. The root package has no package dependencies:
// only the system libraries libyaml (the compiler) and OpenSSL's libcrypto (the runtime).
import PackageDescription

let package = Package(
    name: "Interchange",
    products: [
        .library(name: "InterchangeRuntime", targets: ["InterchangeRuntime"]),
        // Each protocol: its generated module (types, interfaces, services, clients) and its
        // hand-written wire module (envelope, binding, sessions, descriptor).
        .library(name: "DB4403", targets: ["DB4403", "DB4403Wire"]),
        .library(name: "EVCS", targets: ["EVCS", "EVCSWire"]),
        .library(name: "Youxing", targets: ["Youxing", "YouxingWire"]),
        .library(name: "Tomda", targets: ["Tomda", "TomdaWire"]),
        .library(name: "Yinli", targets: ["Yinli", "YinliWire"]),
        // The compiler's front door (`Compiler`, `SpecSource`), for tools such as the fuzzers.
        .library(name: "InterchangeCompiler", targets: ["InterchangeCompiler"]),
        // The `interchange` tool as a library, for tools that register protocols of their own.
        .library(name: "InterchangeCommandLine", targets: ["InterchangeCommandLine"]),
        .plugin(name: "InterchangePlugin", targets: ["InterchangePlugin"]),
        .executable(name: "interchange-compiler", targets: ["interchange-compiler"]),
        .executable(name: "interchange", targets: ["interchange"]),
    ],
    targets: [
        // System libraries.
        .systemLibrary(
            name: "CYAML", path: "Generator/CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "COpenSSL", path: "Runtime/COpenSSL", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),

        // Runtime: what generated code and services link.
        .target(name: "InterchangeRuntime", dependencies: ["COpenSSL"], path: "Runtime/InterchangeRuntime"),

        // Compiler: YAML → syntax tree → checked model → Swift.
        .target(
            name: "InterchangeCompiler", dependencies: ["CYAML", "InterchangeRuntime"],
            path: "Generator/InterchangeCompiler"),
        .executableTarget(
            name: "interchange-compiler", dependencies: ["InterchangeCompiler"],
            path: "Generator/interchange-compiler"),

        // The `interchange` tool: a thin executable over a library tests run in-process.
        .target(
            name: "InterchangeCommandLine",
            dependencies: [
                "InterchangeCompiler", "InterchangeRuntime", "DB4403", "EVCS", "Youxing", "Tomda", "Yinli",
                "DB4403Wire", "EVCSWire", "YouxingWire", "TomdaWire", "YinliWire",
            ],
            path: "Runtime/InterchangeCommandLine"),
        .executableTarget(name: "interchange", dependencies: ["InterchangeCommandLine"], path: "Runtime/interchange"),
        .plugin(
            name: "InterchangePlugin", capability: .buildTool(),
            dependencies: ["interchange-compiler"], path: "Plugins/InterchangePlugin"),

        // Benchmarks: swift run -c release interchange-bench
        .executableTarget(
            name: "interchange-bench",
            dependencies: ["InterchangeCompiler", "InterchangeRuntime", "DB4403", "EVCS", "Tomda", "DB4403Wire", "EVCSWire"],
            path: "Benchmarks/interchange-bench"),

        // Generated protocol modules (committed; `interchange generate` refreshes them).
        .target(name: "DB4403", dependencies: ["InterchangeRuntime"], path: "Generated/DB4403"),
        .target(name: "EVCS", dependencies: ["InterchangeRuntime"], path: "Generated/EVCS"),
        .target(name: "Youxing", dependencies: ["InterchangeRuntime"], path: "Generated/Youxing"),
        .target(name: "Tomda", dependencies: ["InterchangeRuntime"], path: "Generated/Tomda"),
        .target(name: "Yinli", dependencies: ["InterchangeRuntime"], path: "Generated/Yinli"),

        // Each protocol's wire code, beside its generated module.
        .target(name: "DB4403Wire", dependencies: ["InterchangeRuntime", "DB4403"], path: "Runtime/Protocols/DB4403Wire"),
        .target(name: "EVCSWire", dependencies: ["InterchangeRuntime", "EVCS"], path: "Runtime/Protocols/EVCSWire"),
        .target(name: "YouxingWire", dependencies: ["InterchangeRuntime", "Youxing"], path: "Runtime/Protocols/YouxingWire"),
        .target(name: "TomdaWire", dependencies: ["InterchangeRuntime", "Tomda"], path: "Runtime/Protocols/TomdaWire"),
        .target(name: "YinliWire", dependencies: ["InterchangeRuntime", "Yinli"], path: "Runtime/Protocols/YinliWire"),

        // Tests.
        .target(name: "TestSupport", dependencies: ["InterchangeRuntime"], path: "Tests/TestSupport"),
        .testTarget(name: "RuntimeTests", dependencies: ["InterchangeRuntime", "TestSupport"], path: "Tests/RuntimeTests"),
        .testTarget(
            name: "CompilerTests", dependencies: ["InterchangeCompiler", "InterchangeRuntime", "DB4403Wire"], path: "Tests/CompilerTests"),
        .testTarget(name: "CLITests", dependencies: ["InterchangeCommandLine", "EVCSWire"], path: "Tests/CLITests"),
        .testTarget(
            name: "WireTests",
            dependencies: [
                "DB4403", "EVCS", "Youxing", "Tomda", "Yinli", "DB4403Wire", "EVCSWire", "YouxingWire", "TomdaWire", "YinliWire",
                "InterchangeRuntime", "TestSupport",
            ],
            path: "Tests/WireTests"),
        .testTarget(
            name: "DB4403Tests", dependencies: ["DB4403", "InterchangeRuntime", "TestSupport"], path: "Tests/DB4403Tests"),
        .testTarget(
            name: "DispatchTests",
            dependencies: [
                "DB4403", "EVCS", "Youxing", "Tomda", "Yinli", "DB4403Wire", "EVCSWire", "YouxingWire", "TomdaWire", "YinliWire",
                "InterchangeRuntime", "TestSupport",
            ],
            path: "Tests/DispatchTests"),
        .testTarget(
            name: "SchemaParityTests",
            dependencies: ["InterchangeCompiler", "InterchangeRuntime", "DB4403", "EVCS", "Youxing", "Tomda", "Yinli"],
            path: "Tests/SchemaParityTests"),
        .testTarget(name: "EVCSTests", dependencies: ["EVCS", "InterchangeRuntime"], path: "Tests/EVCSTests"),
        .testTarget(
            name: "PartnerSpecTests", dependencies: ["Youxing", "Tomda", "Yinli", "TomdaWire", "InterchangeRuntime", "TestSupport"],
            path: "Tests/PartnerSpecTests"),
    ]
)
