import JunctionStore
import Testing

extension Secrets {
    @Suite struct PasswordTests {
        let hasher = PasswordHasher(iterations: 1_000)

        @Test func verifiesTheRightPasswordOnly() throws {
            let encoded = try hasher.hash(password: "correct horse battery")
            #expect(encoded.hasPrefix("pbkdf2-sha256$1000$"))
            #expect(!encoded.contains("correct horse"))
            #expect(hasher.verify(password: "correct horse battery", encoded: encoded))
            #expect(!hasher.verify(password: "correct horse batterY", encoded: encoded))
            #expect(!hasher.verify(password: "", encoded: encoded))
            #expect(try hasher.hash(password: "correct horse battery") != encoded)  // fresh salt
        }

        @Test func iterationsComeFromTheEncoding() throws {
            let encoded = try PasswordHasher(iterations: 2_000).hash(password: "correct horse battery")
            #expect(hasher.verify(password: "correct horse battery", encoded: encoded))
        }

        @Test func knownVector() {
            // PBKDF2-HMAC-SHA256("password", "salt", 1 round, 32 bytes), as Python's hashlib.pbkdf2_hmac computes it.
            let encoded = "pbkdf2-sha256$1$c2FsdA==$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs="
            #expect(hasher.verify(password: "password", encoded: encoded))
            #expect(!hasher.verify(password: "passwore", encoded: encoded))
        }

        @Test(arguments: [
            "", "garbage", "pbkdf2-sha256$1000$c2FsdA==", "bcrypt$1000$c2FsdA==$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs=",
            "pbkdf2-sha256$x$c2FsdA==$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs=",
            "pbkdf2-sha256$0$c2FsdA==$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs=",
            "pbkdf2-sha256$99999999999$c2FsdA==$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs=",
            "pbkdf2-sha256$1$!!!$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs=", "pbkdf2-sha256$1$c2FsdA==$c2hvcnQ=",
            "pbkdf2-sha256$1$c2FsdA==$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs=$extra",
        ])
        func garbledEncodingsNeverMatch(encoded: String) {
            #expect(!hasher.verify(password: "password", encoded: encoded))
        }

        @Test func shortPasswordIsRefused() throws {
            #expect(throws: SecretError.passwordTooShort) { try hasher.hash(password: "1234567") }
            #expect(try hasher.verify(password: "12345678", encoded: hasher.hash(password: "12345678")))
        }

        @Test func defaultIterations() {
            #expect(PasswordHasher().iterations == 210_000)
        }
    }
}
