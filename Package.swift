// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "attn-repl",
    products: [
        .executable(name: "attn-repl", targets: ["AttnREPL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries, each behind one module map and shim header.
        .systemLibrary(name: "CMPFR", path: "Sources/CMPFR"),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        // Exact fixed-point sums of MPFR intervals: C that sizes and checks its own scratch space.
        .target(name: "CFixedPoint", path: "Sources/CFixedPoint"),

        // All math and the formula language. Never prints, never touches a terminal.
        .target(
            name: "Engine",
            dependencies: ["CMPFR", "CBLAS", "CFixedPoint"],
            // Release builds skip the run-time exclusivity checks on class properties (node
            // caches, interval sums): 6% of the exact benchmark. Debug builds, and so the tests,
            // keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),

        // Embeds lessons/ into the binary at build time.
        .executableTarget(name: "LessonEmbedder", path: "Sources/LessonEmbedder"),
        .plugin(name: "EmbedLessons", capability: .buildTool(), dependencies: ["LessonEmbedder"]),

        .executableTarget(
            name: "AttnREPL",
            dependencies: [
                "Engine",
                "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // C globals (stdout, stdscr, rl_*) are used from this target; Swift 5 mode accepts them.
            swiftSettings: [.swiftLanguageMode(.v5)],
            // The release binary carries the Swift runtime and FoundationEssentials instead of
            // loading them: start-up drops from ~10 ms to ~5.5 ms (mostly the dynamic loader's
            // relocations). Debug builds and the tests link them dynamically.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-l_FoundationCShims", "-l_FoundationCollections"], .when(configuration: .release))],
            plugins: ["EmbedLessons"]
        ),

        .target(name: "TestSupport", dependencies: ["Engine"], path: "Tests/TestSupport"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AttnREPLTests", dependencies: ["Engine", "AttnREPL", "TestSupport"], resources: [.copy("Fixtures")]),
    ]
)
