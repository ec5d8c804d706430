import Testing
@testable import JunctionSaver

/// The tokenizer-style estimator: word pieces, digit groups, punctuation and whitespace runs.
@Suite struct EstimatorTests {
    @Test(arguments: [
        ("", 0), ("hello", 1), ("hello world", 2), ("EventLoopFuture", 3), ("internationalization", 4),
        ("12345678", 3), ("a, b", 3), ("==========", 2), ("    indented", 3), ("\n\n\n", 1), ("x->y", 3),
        ("├── file", 4), ("━━━━━━━━", 2), ("HTTPServer", 2),
    ])
    func pieces(text: String, tokens: Int) {
        #expect(TokenEstimator.estimate(text) == tokens)
    }

    @Test func isNotLengthOverFour() {
        let digits = String(repeating: "7", count: 400)
        let words = Array(repeating: "the", count: 100).joined(separator: " ")
        #expect(TokenEstimator.estimate(digits) == 134)
        #expect(TokenEstimator.estimate(words) == 100)
        #expect(digits.utf8.count / 4 == 100)
    }

    @Test func addsUpOverConcatenatedLines() {
        let line = "Sources/NIOCore/ByteBuffer-core.swift:123:    public func writeInteger<T: FixedWidthInteger>(_ value: T) -> Int {"
        let one = TokenEstimator.estimate(line)
        let many = TokenEstimator.estimate(Array(repeating: line, count: 10).joined(separator: "\n"))
        #expect(one > 20 && one < 50)
        #expect(many == 10 * one + 9)
    }

    @Test func isDeterministicOnCorpus() {
        for f in Fixture.all.prefix(10) {
            #expect(TokenEstimator.estimate(f.text) == TokenEstimator.estimate(f.text))
            #expect(TokenEstimator.estimate(f.text) > f.text.utf8.count / 12)
        }
    }
}
