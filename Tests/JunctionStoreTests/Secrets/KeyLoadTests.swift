import Foundation
import JunctionStore
import Testing

extension Secrets {
    @Suite struct KeyLoadTests {
        @Test func keyFileIsCreatedPrivateAndReused() throws {
            let folder = Secrets.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let first = try SecretBox.load(environment: [:], dataDir: folder)
            let keyPath = folder + "/secret.key"
            #expect(try Secrets.mode(keyPath) == 0o600)
            #expect(try Secrets.mode(folder) == 0o700)
            let stored = try String(contentsOfFile: keyPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(Data(base64Encoded: stored)?.count == 32)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
            #expect(leftovers == ["secret.key"])

            let token = try first.seal("sk-live-abc123")
            let second = try SecretBox.load(environment: [:], dataDir: folder)
            #expect(try second.open(token) == "sk-live-abc123")
            #expect(try String(contentsOfFile: keyPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == stored)
        }

        @Test(arguments: [0o644, 0o640, 0o604])
        func readableKeyFileIsRefused(mode: Int) throws {
            let folder = Secrets.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            _ = try SecretBox.load(environment: [:], dataDir: folder)
            let keyPath = folder + "/secret.key"
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: keyPath)
            let error = try #require(throws: SecretError.self) { try SecretBox.load(environment: [:], dataDir: folder) }
            #expect(error == .insecureKeyFile)
            #expect(error.message.contains("chmod 600 \(keyPath)"))
            let key = try String(contentsOfFile: keyPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!error.message.contains(key))
        }

        @Test func garbledKeyFileIsRefused() throws {
            let folder = Secrets.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let keyPath = folder + "/secret.key"
            _ = FileManager.default.createFile(atPath: keyPath, contents: Data("c2hvcnQ=\n".utf8), attributes: [.posixPermissions: 0o600])
            #expect(throws: SecretError.invalidKey) { try SecretBox.load(environment: [:], dataDir: folder) }
        }

        @Test func environmentKeyInHexAndBase64() throws {
            let folder = Secrets.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let bytes = (0..<32).map { UInt8($0 * 7 % 256) }
            let hex = bytes.map { String(format: "%02x", $0) }.joined()
            let base64 = Data(bytes).base64EncodedString()
            let fromHex = try SecretBox.load(environment: ["JUNCTION_SECRET_KEY": hex], dataDir: folder)
            let fromUpperHex = try SecretBox.load(environment: ["JUNCTION_SECRET_KEY": hex.uppercased()], dataDir: folder)
            let fromBase64 = try SecretBox.load(environment: ["JUNCTION_SECRET_KEY": base64 + "\n"], dataDir: folder)
            let token = try fromHex.seal("sk-live-abc123")
            #expect(try fromBase64.open(token) == "sk-live-abc123")
            #expect(try fromUpperHex.open(token) == "sk-live-abc123")
            #expect(try SecretBox(keyBytes: bytes).open(token) == "sk-live-abc123")
            #expect(!FileManager.default.fileExists(atPath: folder + "/secret.key"))
        }

        @Test(arguments: [
            String(repeating: "ab", count: 16),  // 16 bytes of hex
            String(repeating: "ab", count: 33),  // 33 bytes of hex
            Data(count: 31).base64EncodedString(), Data(repeating: 0xff, count: 48).base64EncodedString(), "not a key at all", "",
            String(repeating: "g", count: 64),  // 64 characters, not hex, not 32 bytes of base64
        ])
        func environmentKeyOfWrongLengthIsRefused(value: String) throws {
            let error = try #require(throws: SecretError.self) {
                try SecretBox.load(environment: ["JUNCTION_SECRET_KEY": value], dataDir: Secrets.temporaryFolder())
            }
            #expect(error == .invalidKey)
            #expect(error.message.contains("JUNCTION_SECRET_KEY"))
            #expect(value.isEmpty || !error.message.contains(value))
        }
    }
}
