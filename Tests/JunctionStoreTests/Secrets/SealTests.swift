import Foundation
import JunctionStore
import Testing

extension Secrets {
    @Suite struct SealTests {
        let box = try! SecretBox(keyBytes: Array(repeating: 7, count: 32))

        @Test func roundTrip() throws {
            for secret in ["sk-live-abc123", "", "ünïcödé 🔑", String(repeating: "x", count: 4096)] {
                let token = try box.seal(secret)
                #expect(token.hasPrefix("v1:"))
                #expect(!token.contains(secret) || secret.isEmpty)
                #expect(try box.open(token) == secret)
            }
        }

        @Test func sealingTwiceGivesDifferentTokens() throws {
            #expect(try box.seal("same") != box.seal("same"))
        }

        @Test func tamperedTokenIsRefused() throws {
            let token = try box.seal("sk-live-abc123")
            var bytes = Array(Data(base64Encoded: String(token.dropFirst(3)))!)
            for index in [0, 12, bytes.count - 1] {  // nonce, ciphertext, tag
                var altered = bytes
                altered[index] ^= 0x01
                let tampered = "v1:" + Data(altered).base64EncodedString()
                #expect(throws: SecretError.unauthenticatedToken) { try box.open(tampered) }
            }
            bytes.removeLast()
            #expect(throws: SecretError.unauthenticatedToken) { try box.open("v1:" + Data(bytes).base64EncodedString()) }
        }

        @Test func wrongKeyIsRefusedWithoutLeaking() throws {
            let token = try box.seal("sk-live-abc123")
            let other = try SecretBox(keyBytes: Array(repeating: 8, count: 32))
            let error = try #require(throws: SecretError.self) { try other.open(token) }
            #expect(error == .unauthenticatedToken)
            #expect(!error.message.contains("sk-live"))
            #expect(!"\(error)".contains("sk-live"))
        }

        @Test(arguments: ["", "v1:", "v1:!!!", "v2:AAAA", "sk-live-abc123", "v1:" + Data(count: 27).base64EncodedString()])
        func malformedTokensAreRefused(token: String) {
            #expect(throws: SecretError.malformedToken) { try box.open(token) }
        }

        @Test func keyMustBe32Bytes() {
            #expect(throws: SecretError.invalidKey) { try SecretBox(keyBytes: Array(repeating: 1, count: 16)) }
        }

        @Test(arguments: [
            ("sk-ant-api03-abcdefWXYZ", "…WXYZ"), ("123456789012", "…9012"), ("12345678901", "…"), ("", "…"),
        ])
        func hintMasks(secret: String, hint: String) {
            #expect(SecretBox.hint(for: secret) == hint)
        }
    }
}

extension Secrets.SealTests {
    @Test func descriptionHidesTheKey() throws {
        let box = try SecretBox(keyBytes: Array(repeating: 0x41, count: 32))
        #expect("\(box)" == "SecretBox(key: redacted)")
        #expect(String(reflecting: box) == "SecretBox(key: redacted)")
    }
}
