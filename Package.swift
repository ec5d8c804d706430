// swift-tools-version:6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "junction",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "junction", targets: ["junction"]),
        .library(name: "JunctionGateway", targets: ["JunctionGateway"]),
        .library(name: "JunctionMock", targets: ["JunctionMock"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(name: "JunctionWire", swiftSettings: strictSettings),
        .target(name: "JunctionTranslate", dependencies: ["JunctionWire"], swiftSettings: strictSettings),
        .target(name: "JunctionSaver", swiftSettings: strictSettings),
        .target(name: "JunctionRouting", dependencies: ["JunctionWire"], swiftSettings: strictSettings),
        .target(
            name: "JunctionProviders",
            dependencies: [
                "JunctionWire",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "JunctionStore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "JunctionGateway",
            dependencies: [
                "JunctionWire", "JunctionProviders", "JunctionStore", "JunctionSaver", "JunctionTranslate", "JunctionRouting",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "JunctionServer",
            dependencies: [
                "JunctionGateway", "JunctionSaver", "JunctionRouting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Dashboard"), .copy("Resources/openapi.yaml")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "JunctionMock",
            dependencies: [
                "JunctionWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "junction",
            dependencies: [
                "JunctionServer", "JunctionMock", "JunctionSaver", "JunctionStore", "JunctionProviders", "JunctionGateway", "JunctionWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "junction-saver-bench",
            dependencies: ["JunctionSaver"],
            path: "bench/JunctionSaverBench",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "junction-translate-bench",
            dependencies: ["JunctionTranslate", "JunctionWire"],
            path: "bench/JunctionTranslateBench",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "JunctionWireTests", dependencies: ["JunctionWire"], swiftSettings: strictSettings),
        .testTarget(
            name: "JunctionTranslateTests", dependencies: ["JunctionTranslate", "JunctionWire"],
            exclude: ["Fixtures"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JunctionSaverTests", dependencies: ["JunctionSaver"], exclude: ["Fixtures"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JunctionRoutingTests", dependencies: ["JunctionRouting", "JunctionProviders", "JunctionWire"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JunctionGatewayTests",
            dependencies: [
                "JunctionGateway", "JunctionProviders", "JunctionSaver", "JunctionRouting", "JunctionStore",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JunctionStoreTests",
            dependencies: [
                "JunctionStore", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JunctionMockTests",
            dependencies: [
                "JunctionMock", "JunctionWire",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JunctionServerTests",
            dependencies: [
                "JunctionServer", "JunctionMock", "JunctionProviders", "JunctionStore", "JunctionSaver", "JunctionRouting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
