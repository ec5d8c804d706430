// junction-translate-bench: measures request and stream translation against the issue's targets.
//
// usage: junction-translate-bench [<text-dir>] [--iterations N] [--runs N] [--target-kb N]
//
// Builds a coding-agent conversation of about 100 KB (tool output taken from the .txt files under <text-dir>,
// real captured tool outputs; generated text without one) and writes it in each client format. For every
// client → provider pair, and for same-format passthrough, it times parse → decodeRequest → encodeRequest →
// serialized() (median and p99 in µs). Then it times each provider stream transcoded into each other format,
// per provider chunk (one SSE event), beside the baseline of only splitting and parsing the same events.
// Prints PASS or MISS per target; always exits 0.
import Foundation
import JunctionTranslate
import JunctionWire

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, default value: Int) -> Int {
    guard let index = args.firstIndex(of: name), index + 1 < args.count, let number = Int(args[index + 1]) else { return value }
    return number
}
let textDirectory = args.first.flatMap { $0.hasPrefix("--") ? nil : $0 }
let iterations = option("--iterations", default: 300)
let runs = option("--runs", default: 60)
let targetKB = option("--target-kb", default: 100)
let requestTargetMicros = 1000.0, chunkTargetMicros = 50.0

func name(_ format: APIFormat) -> String {
    switch format {
    case .openAIChat: "openai-chat"
    case .anthropic: "anthropic"
    case .gemini: "gemini"
    case .openAIResponses: "responses"
    }
}
func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
func num(_ value: Double, _ width: Int = 9, _ digits: Int = 1) -> String {
    let text = String(format: "%.\(digits)f", value)
    return String(repeating: " ", count: max(0, width - text.count)) + text
}
let formats = APIFormat.allCases

var corpus = TextCorpus(directory: textDirectory)
let session = Session.build(targetBytes: targetKB * 1000, corpus: &corpus)
let bodies = Dictionary(uniqueKeysWithValues: formats.map { ($0, session.requestBody(for: $0).serialized()) })
let canonical = Dictionary(uniqueKeysWithValues: formats.map { ($0, try? Codecs.codec(for: $0).decodeRequest(JSONValue(parsing: bodies[$0]!))) })
let toolCalls = session.turns.reduce(0) { $0 + $1.calls.count }

print("Junction translation benchmark — release build, one thread, \(ProcessInfo.processInfo.activeProcessorCount) cores visible")
print("conversation: \(session.turns.count) assistant turns, \(toolCalls) tool calls with results, \(session.tools.count) tools; tool output from "
      + (corpus.isReal ? "captured fixtures (\(textDirectory ?? ""))" : "generated text"))
if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
    print("load average at start: " + load.split(separator: " ").prefix(3).joined(separator: " ") + " (other work shares these cores)")
}
print("sizes: " + formats.map { "\(name($0)) \(num(Double(bodies[$0]!.count) / 1000, 0)) KB" }.joined(separator: ", "))
print("")
print("Request path: parse → decodeRequest → encodeRequest → serialized(), \(iterations) rounds after warm-up, all cases in each round (µs)")
print(pad("client", 13) + pad("→ provider", 27) + " in KB  out KB    median       p99   p99 cpu")

var worstMedian = 0.0, worstP99 = 0.0, worstCPUP99 = 0.0, failures: [String] = []
var cases: [RequestBench.Case] = []
for client in formats {
    cases.append(RequestBench.Case(client: client, bytes: bodies[client]!, route: .passthrough, label: "passthrough"))
    for provider in formats {
        let label = provider == client ? "\(name(provider)) via canonical" : name(provider)
        cases.append(RequestBench.Case(client: client, bytes: bodies[client]!, route: .translate(to: provider), label: label))
    }
}
RequestBench.measure(&cases, iterations: iterations, warmup: max(10, iterations / 10))
for item in cases {
    let row = pad(name(item.client), 13) + "→ " + pad(item.label, 25)
    if let error = item.error {
        failures.append("\(name(item.client)) → \(item.label): \(error)")
        print(row + "  FAILED: \(error)")
        continue
    }
    print(row + num(Double(item.bytes.count) / 1000, 6) + num(Double(item.outputBytes) / 1000, 8) + num(item.stats.median, 10) + num(item.stats.p99, 10) + num(item.cpu.p99, 10))
    if case .translate(let provider) = item.route, provider != item.client {
        worstMedian = max(worstMedian, item.stats.median)
        worstP99 = max(worstP99, item.stats.p99)
        worstCPUP99 = max(worstCPUP99, item.cpu.p99)
    }
}

print("")
print("Stream translation, per provider chunk (one SSE event), \(runs) runs after warm-up (µs)")
print("baseline = split the bytes into events + JSONValue(parsing:) of each; translate = split + StreamTranscoder.transcode + encode client events")
print(pad("provider", 13) + pad("→ client", 14) + "chunks  out-events  base med  translate med    p99      max   added med")
var worstChunkP99 = 0.0, worstAdded = 0.0
for provider in formats {
    let stream = ProviderStream(format: provider)
    let base = StreamBench.parseOnly(stream, runs: runs, warmup: 5)
    if let passthrough = try? StreamBench.passthrough(stream, runs: runs, warmup: 5) {
        print(pad(name(provider), 13) + pad("(baseline)", 14) + String(format: "%6d", stream.chunks.count) + String(repeating: " ", count: 12)
              + num(base.stats.median, 10, 2) + "   passthrough (decode + forward): median \(num(passthrough.stats.median, 0, 2)), p99 \(num(passthrough.stats.p99, 0, 2))")
    }
    for client in formats where client != provider {
        do {
            let result = try StreamBench.translate(stream, to: client, request: canonical[client] ?? nil, runs: runs, warmup: 5)
            let added = result.stats.median - base.stats.median
            worstChunkP99 = max(worstChunkP99, result.stats.p99)
            worstAdded = max(worstAdded, added)
            print(pad(name(provider), 13) + "→ " + pad(name(client), 12) + String(format: "%6d %11d", stream.chunks.count, result.clientEvents)
                  + num(base.stats.median, 10, 2) + num(result.stats.median, 15, 2) + num(result.stats.p99, 8, 2)
                  + num(result.stats.percentile(1), 9, 1) + num(added, 12, 2))
        } catch {
            failures.append("stream \(name(provider)) → \(name(client)): \(error)")
            print(pad(name(provider), 13) + "→ " + pad(name(client), 12) + "  FAILED: \(error)")
        }
    }
}

print("")
print("PASS rules: target 1 on the worst translating pair's median; target 2 on the worst pair's p99 per chunk of the whole")
print("translate cost (its own JSON parse included, so the figure bounds what translation adds)")
let requestPass = worstMedian <= requestTargetMicros && failures.isEmpty
let streamPass = worstChunkP99 <= chunkTargetMicros && failures.isEmpty
print("target 1 — translate a 100 KB conversation in ≤ 1 ms: \(requestPass ? "PASS" : "MISS") "
      + "(worst pair median \(num(worstMedian, 0)) µs; "
      + "worst pair p99 \(num(worstP99, 0)) µs wall, \(num(worstCPUP99, 0)) µs thread CPU time)")
print("target 2 — stream translation adds ≤ 50 µs per chunk: \(streamPass ? "PASS" : "MISS") "
      + "(worst pair p99 of the whole per-chunk translate cost \(num(worstChunkP99, 0, 2)) µs; worst median added over baseline \(num(worstAdded, 0, 2)) µs)")
for failure in failures { print("FAILED \(failure)") }
