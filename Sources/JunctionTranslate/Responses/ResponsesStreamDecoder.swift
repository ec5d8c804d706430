import JunctionWire

/// Responses stream events → canonical events.
struct ResponsesStreamDecoder: StreamDecoding {
    private var tools: [Int: Int] = [:]
    private var argumentsSeen: Set<Int> = []
    private var summarySeen: Set<Int> = []
    private var ended = false

    mutating func decode(_ event: ServerSentEvent) throws -> [CanonicalStreamEvent] {
        let data = event.data.trimmed()
        guard !data.isEmpty, !ended, data != OpenAIChatWire.doneSentinel else { return [] }
        let json: JSONValue
        do { json = try JSONValue(parsing: data) } catch { throw TranslationError.invalidStream("Responses stream event is not JSON: \(error)") }
        let outputIndex = json["output_index"]?.intValue ?? 0
        switch json["type"]?.stringValue ?? event.event {
        case ResponsesWire.Event.created:
            let response = json["response"]
            return [.start(id: response?["id"]?.stringValue ?? Identifiers.make("resp_"), model: response?["model"]?.stringValue ?? "")]
        case ResponsesWire.Event.outputItemAdded:
            let item = json["item"] ?? [:]
            guard item["type"]?.stringValue == "function_call" else { return [] }
            let index = tools.count
            tools[outputIndex] = index
            var events: [CanonicalStreamEvent] = [.toolCallStart(index: index, id: item["call_id"]?.stringValue ?? Identifiers.make("call_"), name: item["name"]?.stringValue ?? "")]
            if let arguments = item["arguments"]?.stringValue, !arguments.isEmpty {
                argumentsSeen.insert(outputIndex)
                events.append(.toolCallArgumentsDelta(index: index, arguments))
            }
            return events
        case ResponsesWire.Event.outputTextDelta:
            return [.textDelta(json["delta"]?.stringValue ?? "", thoughtSignature: nil)]
        case ResponsesWire.Event.refusalDelta:
            return [.refusalDelta(json["delta"]?.stringValue ?? "")]
        case ResponsesWire.Event.reasoningSummaryTextDelta, ResponsesWire.Event.reasoningTextDelta:
            summarySeen.insert(outputIndex)
            return [.thinkingDelta(json["delta"]?.stringValue ?? "")]
        case ResponsesWire.Event.reasoningSummaryPartAdded:
            let first = !summarySeen.contains(outputIndex)
            summarySeen.insert(outputIndex)
            return first || json["summary_index"]?.intValue == 0 ? [] : [.thinkingDelta("\n\n")]
        case ResponsesWire.Event.functionCallArgumentsDelta:
            guard let index = tools[outputIndex] else { return [] }
            argumentsSeen.insert(outputIndex)
            return [.toolCallArgumentsDelta(index: index, json["delta"]?.stringValue ?? "")]
        case ResponsesWire.Event.outputItemDone:
            let item = json["item"] ?? [:]
            switch item["type"]?.stringValue {
            case "reasoning":
                guard let signature = item["encrypted_content"]?.stringValue else { return [] }
                return [.thinkingSignature(signature, origin: .openAIResponses)]
            case "function_call":
                guard let index = tools[outputIndex], !argumentsSeen.contains(outputIndex), let arguments = item["arguments"]?.stringValue else { return [] }
                return [.toolCallArgumentsDelta(index: index, arguments)]
            default: return []
            }
        case ResponsesWire.Event.completed, ResponsesWire.Event.incomplete:
            ended = true
            let response = json["response"] ?? [:]
            var events: [CanonicalStreamEvent] = []
            if let usage = ResponsesCodec.usage(response["usage"]) { events.append(.usage(usage)) }
            let reason = ResponsesCodec.finishReason(status: response["status"]?.stringValue, incomplete: response["incomplete_details"], hasToolCalls: !tools.isEmpty)
            events.append(.finish(reason ?? .stop))
            return events + [.end]
        case ResponsesWire.Event.failed:
            ended = true
            let error = json["response"]?["error"]
            return [.error(CanonicalError(status: 500, message: error?["message"]?.stringValue ?? "the response failed", type: error?["code"]?.stringValue))]
        case ResponsesWire.Event.error:
            ended = true
            return [.error(CanonicalError(status: 500, message: json["message"]?.stringValue ?? "upstream error", type: json["code"]?.stringValue))]
        default:
            return []
        }
    }

    mutating func finish() -> [CanonicalStreamEvent] {
        guard !ended else { return [] }
        ended = true
        return [.error(CanonicalError(status: 502, message: "the upstream stream ended before response.completed", type: "server_error"))]
    }
}
