import JunctionStore
import Testing

extension Secrets {
    @Suite struct ClientKeyTests {
        @Test func madeKeyHasItsParts() {
            let made = ClientKeyMaker.make()
            #expect(made.key.hasPrefix("jk-"))
            #expect(made.key.count == 3 + 43)  // 32 bytes in unpadded base64url
            #expect(made.key.allSatisfy { $0.isLetter || $0.isNumber || "-_".contains($0) })
            #expect(made.id.hasPrefix("key_") && made.id.count == 16 && made.id.dropFirst(4).allSatisfy(\.isHexDigit))
            #expect(made.prefix == String(made.key.prefix(10)))
            #expect(made.hash == ClientKeyMaker.hash(made.key))
            #expect(made.hash.count == 64 && made.hash == made.hash.lowercased())
        }

        @Test func hashIsStable() {
            // SHA-256("abc"), the FIPS 180-2 example.
            #expect(ClientKeyMaker.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
            #expect(ClientKeyMaker.hash("jk-one") != ClientKeyMaker.hash("jk-two"))
        }

        @Test func keysAndIdsAreUnique() {
            let made = (0..<200).map { _ in ClientKeyMaker.make() }
            #expect(Set(made.map(\.key)).count == 200)
            #expect(Set(made.map(\.id)).count == 200)
        }

        @Test func sessionTokensAreStoredAsDigests() {
            let token = SessionToken.make()
            #expect(token.count == 43 && !token.contains("="))
            #expect(SessionToken.digest(token) == ClientKeyMaker.hash(token))
            #expect(SessionToken.make() != token)
        }

        @Test func constantTimeEquality() {
            #expect(ConstantTime.equals("token-1", "token-1"))
            #expect(!ConstantTime.equals("token-1", "token-2"))
            #expect(!ConstantTime.equals("token", "token-1"))
            #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        }
    }
}
