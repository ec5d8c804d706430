import JunctionStore
import AsyncHTTPClient
import Foundation
import JunctionGateway
import JunctionMock
import JunctionServer
import JunctionWire
import Logging
import NIOCore
import NIOHTTP1
import Testing

@Suite("Start-up and shutdown of the junction binary")
struct StartupTests {
    @Test func listeningOffLoopbackWithoutClientKeysIsRefused() async throws {
        let config = JunctionConfig(listen: ListenAddress(host: "0.0.0.0", port: 0), dataDir: NSTemporaryDirectory() + "junction-refuse")
        await #expect(throws: StartupError.self) { try await JunctionRuntime(config: config, logger: Logger(label: "test")) }
        var keyed = config
        keyed.clientKeys = [ClientKey(name: "ci", key: "k")]
        await #expect(throws: Never.self) { try await JunctionRuntime(config: keyed, logger: Logger(label: "test")) }
    }

    /// The `junction` executable that `swift build` put beside the test bundle.
    static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = bundle.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("junction").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("junction")
    }

    func runJunction(_ arguments: [String], environment: [String: String] = [:]) throws -> (process: Process, stderr: Pipe) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, stderr)
    }

    /// A port nothing listens on right now: bound to port 0, read back, released.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    func writeConfig(_ yaml: String) throws -> String {
        let path = NSTemporaryDirectory() + "junction-\(UUID().uuidString).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func anUnsetEnvironmentVariableStopsStartUpNamingIt() throws {
        let path = try writeConfig(
            """
            client_keys:
              - name: laptop
                key: env:JUNCTION_TEST_UNSET_KEY
            """)
        let (process, stderr) = try runJunction(["serve", "--config", path, "--port", "0"])
        process.waitUntilExit()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(message.contains("JUNCTION_TEST_UNSET_KEY"))
        #expect(message.contains("\(path):3"))
        #expect(message.contains("client_keys[0].key"))
    }

    @Test func sigtermMidStreamLetsTheStreamFinishAndExitsZero() async throws {
        let mock = try await MockServer.start(MockProvider(name: "steady", chunkDelay: .milliseconds(50), replyWords: 30))
        defer { Task { await mock.stop() } }
        let port = try Self.freePort()
        let dataDir = NSTemporaryDirectory() + "junction-sigterm-\(UUID().uuidString)"
        let path = try writeConfig(
            """
            listen: 127.0.0.1:\(port)
            data_dir: \(dataDir)
            providers:
              - id: p1
                base_url: \(mock.baseURL)
                models: [gpt-4o]
            """)
        let (process, stderr) = try runJunction(["serve", "--config", path])
        defer { if process.isRunning { process.terminate() } }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { Task { try? await client.shutdown() } }
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/chat/completions")
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: Harness.chat(stream: true)))
        var response: HTTPClientResponse?
        for _ in 0..<100 where response == nil {
            response = try? await client.execute(request, timeout: .seconds(10))
            if response == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let stream = try #require(response)
        var decoder = ServerSentEventDecoder()
        var events: [ServerSentEvent] = []
        var signalled = false
        for try await chunk in stream.body {
            events += try decoder.feed(chunk.readableBytesView)
            if !signalled, events.count >= 2 {
                kill(process.processIdentifier, SIGTERM)
                signalled = true
            }
        }
        #expect(signalled)
        #expect(events.last?.data == "[DONE]", "the stream in flight finished after SIGTERM")
        let exited = await eventually(within: 15) { !process.isRunning }
        #expect(exited)
        #expect(process.terminationStatus == 0)
        let log = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("POST /v1/chat/completions"), "one log line per request")
        #expect(log.contains("status=200"))
        #expect(log.contains("model=p1/gpt-4o"))
    }
}
