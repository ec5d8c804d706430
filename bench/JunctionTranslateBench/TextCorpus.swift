import Foundation

/// Long, real-looking text for tool results: real captured tool outputs when a fixture directory is given,
/// otherwise deterministic lines of code and log output.
///
/// Slices are handed out in a fixed order, so every run builds the same conversation.
struct TextCorpus {
    private var texts: [String]
    private var next = 0

    /// The `.txt` files under `directory` (recursively, sorted by path), or generated text if there are none.
    init(directory: String?) {
        var loaded: [String] = []
        if let directory, let walker = FileManager.default.enumerator(atPath: directory) {
            let paths = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") }.sorted()
            for path in paths {
                if let text = try? String(contentsOfFile: directory + "/" + path, encoding: .utf8), text.utf8.count > 200 {
                    loaded.append(text)
                }
            }
        }
        texts = loaded.isEmpty ? Self.generated() : loaded
        isReal = !loaded.isEmpty
    }

    /// Whether the text came from captured tool outputs.
    let isReal: Bool

    /// The next text, cut at a line break to at most `limit` bytes.
    mutating func slice(limit: Int) -> String {
        let text = texts[next % texts.count]
        next += 1
        guard text.utf8.count > limit else { return text }
        let prefix = text.utf8.prefix(limit)
        let end = prefix.lastIndex(of: 0x0A) ?? prefix.endIndex
        return String(decoding: text.utf8[..<end], as: UTF8.self)
    }

    /// Forty blocks of code, compiler output and test logs built from varied lines.
    private static func generated() -> [String] {
        let lines = [
            "    func handle(_ request: Request, context: some RequestContext) async throws -> Response {",
            "        guard let body = try await request.body.collect(upTo: maxSize) else { throw HTTPError(.badRequest) }",
            "src/router/table.rs:142:17: warning: unused variable `weight` [-Wunused-variable]",
            "Test Suite 'RoutingTests' passed at 2026-11-22 18:03:11.402 — Executed 48 tests, with 0 failures (0 unexpected) in 0.412 seconds",
            "    \"dependencies\": { \"express\": \"^4.19.2\", \"zod\": \"^3.23.8\", \"pino\": \"^9.1.0\" },",
            "error[E0502]: cannot borrow `self.entries` as mutable because it is also borrowed as immutable",
            "  --> crates/store/src/ledger.rs:88:9\t// retry with backoff after the lock is released",
            "2026-11-22T18:03:11.402Z INFO  gateway: request routed model=\"claude-sonnet-4-5\" provider=anthropic latency_ms=412",
            "def test_parse_headers_with_unicode(self):  # ü, é, 漢字 and an emoji 🚀 survive the round trip",
            "    return {\"status\": \"ok\", \"items\": [item.to_dict() for item in items if item.visible]}",
        ]
        return (0..<40).map { block in
            (0..<(60 + block % 25)).map { lines[($0 * 7 + block) % lines.count] }.joined(separator: "\n")
        }
    }
}
