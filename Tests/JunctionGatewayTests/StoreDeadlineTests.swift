@testable import JunctionGateway
import Testing

@Suite("Store reads on the request path")
struct StoreDeadlineTests {
    @Test func aReadThatDoesNotAnswerIsGivenUpSoTheRequestGoesOn() async {
        let value = await StoreDeadline.value(within: .milliseconds(50)) { () async throws -> Int in
            try await Task.sleep(for: .seconds(60))
            return 1
        }
        #expect(value == nil)
    }

    @Test func aPromptReadOrAFailureIsPassedOn() async {
        #expect(await StoreDeadline.value { 42 } == 42)
        struct Down: Error {}
        #expect(await StoreDeadline.value { () async throws -> Int in throw Down() } == nil)
    }
}
