import Foundation
import Testing
@testable import JunctionSaver

/// When the saver must leave an output alone (or only strip terminal noise).
@Suite struct GateTests {
    let big = Fixture.named("git-log/log-log-p3")

    @Test func outputsUnderOneKilobyteAreLeftAlone() {
        let small = String(big.text.prefix(900))
        let result = Saver(timeBudget: .seconds(10)).compress(small, context: big.context)
        #expect(result.text == small)
        #expect(result.filter == "none")
        #expect(result.bytesBefore == result.bytesAfter)
    }

    @Test func aSmallNoisyOutputIsLeftByteForByte() {
        let small = "\u{1B}[31merror\u{1B}[0m: x\n10%\r100%\n"
        let result = Saver(timeBudget: .seconds(10)).compress(small, context: ToolContext(toolName: "Bash", command: "make"))
        #expect(result.text == small)
        #expect(result.filter == "none")
    }

    @Test func levelOffChangesNothing() {
        let noisy = "\u{1B}[31merror\u{1B}[0m\n" + big.text
        let result = Saver(level: .off).compress(noisy, context: big.context)
        #expect(result.text == noisy)
        #expect(result.filter == "none")
    }

    @Test func errorResultsOnlyLoseNoise() {
        let noisy = "\u{1B}[1;31merror:\u{1B}[0m something broke\n50%\r100%\n" + big.text
        let result = Saver(timeBudget: .seconds(10)).compress(noisy, context: ToolContext(toolName: "Bash", command: "git log -p -3", isError: true))
        #expect(result.text == "error: something broke\n100%\n" + big.text)
        #expect(result.filter == "noise")
    }

    @Test func aThrowingFilterLeavesTheOriginal() {
        struct Boom: Error {}
        var saver = Saver(timeBudget: .seconds(10))
        saver.filterOverride = { _ in throw Boom() }
        let noisy = "\u{1B}[32mok\u{1B}[0m\n" + big.text
        let result = saver.compress(noisy, context: big.context)
        #expect(result.text == noisy)
        #expect(result.filter == "none")
    }

    @Test func aFilterOverItsBudgetLeavesTheOriginal() {
        let result = Saver(timeBudget: .zero).compress(big.text, context: big.context)
        #expect(result.text == big.text)
        #expect(result.filter == "none")
    }

    @Test func aSlowFilterLeavesTheOriginal() {
        var saver = Saver(timeBudget: .milliseconds(5))
        saver.filterOverride = { document in
            let end = ContinuousClock.now.advanced(by: .milliseconds(20))
            while ContinuousClock.now < end {}
            return FilterOutput(text: "… everything omitted …", name: "slow", guardsImportantLines: false)
        }
        #expect(saver.compress(big.text).text == big.text)
    }

    @Test func aFilterOutputWithoutMarkerIsRejected() {
        var saver = Saver(timeBudget: .seconds(10))
        saver.filterOverride = { document in
            FilterOutput(text: String(document.text.prefix(2000)), name: "cut", guardsImportantLines: false)
        }
        let result = saver.compress(big.text)
        #expect(result.text == big.text)
    }

    @Test func aFilterThatDropsAnErrorLineIsRejected() {
        let report = (0..<200).map { "step \($0) done" }.joined(separator: "\n") + "\nerror: disk full at step 200\n"
        var saver = Saver(timeBudget: .seconds(10))
        saver.filterOverride = { _ in FilterOutput(text: "… 201 lines omitted …", name: "bad", guardsImportantLines: true) }
        #expect(saver.compress(report).text == report)
    }

    @Test func emptyAndTinyInputs() {
        #expect(Saver().compress("").text == "")
        #expect(Saver().compress("\n").text == "\n")
        #expect(Saver(level: .aggressive).compress("x").filter == "none")
    }

    @Test func resultReportsSizesAndTokens() {
        let result = Saver(timeBudget: .seconds(10)).compress(big.text, context: big.context)
        #expect(result.filter == "git-diff")
        #expect(result.bytesBefore == big.text.utf8.count)
        #expect(result.tokensBefore == TokenEstimator.estimate(big.text))
        #expect(result.tokensAfter == TokenEstimator.estimate(result.text))
        #expect(result.tokensSaved == result.tokensBefore - result.tokensAfter)
    }
}
