import JunctionWire

/// Canonical events → a Responses stream: `response.created`, items added, deltas and done, then
/// `response.completed` (or `response.incomplete`), each event with its `sequence_number`.
struct ResponsesStreamEncoder: StreamEncoding {
    private enum Item {
        case message(id: String, text: String)
        case reasoning(id: String, text: String)
        case call(id: String, callID: String, name: String, arguments: String, toolIndex: Int)
    }

    private let model: String
    private var id = Identifiers.make("resp_")
    private let created = Identifiers.now()
    private var sequence = 0
    private var started = false
    private var finished = false
    private var open: Item?
    private var done: [JSONValue] = []
    private var usage: CanonicalUsage?
    private var reason: FinishReason?
    private var calls: [Int: Int] = [:]

    init(model: String) { self.model = model }

    mutating func encode(_ event: CanonicalStreamEvent) -> [ServerSentEvent] {
        guard !finished else { return [] }
        switch event {
        case .start(let id, _):
            if id.hasPrefix("resp_") { self.id = id }
            return begin()
        case .usage(let usage):
            self.usage = usage
            return []
        case .finish(let reason):
            self.reason = reason
            return []
        case .textDelta(let text, _), .refusalDelta(let text):
            guard !text.isEmpty else { return [] }
            var out = begin()
            if case .message(let itemID, let sofar)? = open {
                open = .message(id: itemID, text: sofar + text)
                return out + [emit(ResponsesWire.Event.outputTextDelta, ["item_id": .string(itemID), "output_index": .int(done.count), "content_index": 0, "delta": .string(text), "logprobs": []])]
            }
            out += close()
            let itemID = Identifiers.make("msg_")
            open = .message(id: itemID, text: text)
            out.append(emit(ResponsesWire.Event.outputItemAdded, ["output_index": .int(done.count), "item": ["id": .string(itemID), "type": "message", "status": "in_progress", "role": "assistant", "content": []]]))
            out.append(emit(ResponsesWire.Event.contentPartAdded, ["item_id": .string(itemID), "output_index": .int(done.count), "content_index": 0, "part": ["type": "output_text", "text": "", "annotations": []]]))
            out.append(emit(ResponsesWire.Event.outputTextDelta, ["item_id": .string(itemID), "output_index": .int(done.count), "content_index": 0, "delta": .string(text), "logprobs": []]))
            return out
        case .thinkingDelta(let text):
            var out = begin() + openReasoning()
            guard case .reasoning(let itemID, let sofar)? = open, !text.isEmpty else { return out }
            open = .reasoning(id: itemID, text: sofar + text)
            out.append(emit(ResponsesWire.Event.reasoningSummaryTextDelta, ["item_id": .string(itemID), "output_index": .int(done.count), "summary_index": 0, "delta": .string(text)]))
            return out
        case .thinkingSignature(let signature, let origin):
            let out = begin() + openReasoning()
            return out + close(signature: SignatureCarrier.wrap(signature, origin: origin, for: .openAIResponses))
        case .redactedThinking:
            return []
        case .toolCallStart(let index, let callID, let name):
            var out = begin() + close()
            let itemID = Identifiers.make("fc_")
            calls[index] = done.count
            open = .call(id: itemID, callID: callID, name: name, arguments: "", toolIndex: index)
            out.append(emit(ResponsesWire.Event.outputItemAdded, ["output_index": .int(done.count), "item": ["id": .string(itemID), "type": "function_call", "status": "in_progress", "arguments": "", "call_id": .string(callID), "name": .string(name)]]))
            return out
        case .toolCallArgumentsDelta(let index, let piece):
            guard case .call(let itemID, let callID, let name, let arguments, let toolIndex)? = open, toolIndex == index else { return [] }
            open = .call(id: itemID, callID: callID, name: name, arguments: arguments + piece, toolIndex: toolIndex)
            return [emit(ResponsesWire.Event.functionCallArgumentsDelta, ["item_id": .string(itemID), "output_index": .int(done.count), "delta": .string(piece)])]
        case .end:
            return terminate()
        case .error(let error):
            finished = true
            var data = ResponsesCodec().streamErrorEvent(status: error.status, message: error.message)
            if var json = try? JSONValue(parsing: data.data) {
                json["sequence_number"] = .int(sequence)
                data = ServerSentEvent(event: data.event, data: json.serializedString())
            }
            return begin() + [data]
        }
    }

    mutating func finish() -> [ServerSentEvent] {
        finished ? [] : terminate()
    }

    private mutating func terminate() -> [ServerSentEvent] {
        var out = begin() + close()
        let status = ResponsesCodec.statusJSON(reason)
        var response = snapshot(status: status.status)
        response["incomplete_details"] = status.incomplete
        if let usage { response["usage"] = ResponsesCodec.usageJSON(usage) }
        out.append(emit(status.status == "completed" ? ResponsesWire.Event.completed : ResponsesWire.Event.incomplete, ["response": .object(response)]))
        finished = true
        return out
    }

    private func snapshot(status: String) -> JSONObject {
        ["id": .string(id), "object": "response", "created_at": .int(created), "status": .string(status), "error": .null,
         "incomplete_details": .null, "model": .string(model), "output": .array(done), "usage": .null]
    }

    private mutating func begin() -> [ServerSentEvent] {
        guard !started else { return [] }
        started = true
        return [emit(ResponsesWire.Event.created, ["response": .object(snapshot(status: "in_progress"))]),
                emit(ResponsesWire.Event.inProgress, ["response": .object(snapshot(status: "in_progress"))])]
    }

    private mutating func openReasoning() -> [ServerSentEvent] {
        if case .reasoning? = open { return [] }
        var out = close()
        let itemID = Identifiers.make("rs_")
        open = .reasoning(id: itemID, text: "")
        out.append(emit(ResponsesWire.Event.outputItemAdded, ["output_index": .int(done.count), "item": ["id": .string(itemID), "type": "reasoning", "summary": []]]))
        out.append(emit(ResponsesWire.Event.reasoningSummaryPartAdded, ["item_id": .string(itemID), "output_index": .int(done.count), "summary_index": 0, "part": ["type": "summary_text", "text": ""]]))
        return out
    }

    private mutating func close(signature: String? = nil) -> [ServerSentEvent] {
        guard let item = open else { return [] }
        open = nil
        let index = JSONValue.int(done.count)
        var out: [ServerSentEvent] = []
        let final: JSONValue
        switch item {
        case .message(let itemID, let text):
            let part: JSONValue = ["type": "output_text", "text": .string(text), "annotations": []]
            out.append(emit(ResponsesWire.Event.outputTextDone, ["item_id": .string(itemID), "output_index": index, "content_index": 0, "text": .string(text), "logprobs": []]))
            out.append(emit(ResponsesWire.Event.contentPartDone, ["item_id": .string(itemID), "output_index": index, "content_index": 0, "part": part]))
            final = ["id": .string(itemID), "type": "message", "status": "completed", "role": "assistant", "content": [part]]
        case .reasoning(let itemID, let text):
            out.append(emit(ResponsesWire.Event.reasoningSummaryTextDone, ["item_id": .string(itemID), "output_index": index, "summary_index": 0, "text": .string(text)]))
            out.append(emit(ResponsesWire.Event.reasoningSummaryPartDone, ["item_id": .string(itemID), "output_index": index, "summary_index": 0, "part": ["type": "summary_text", "text": .string(text)]]))
            final = ResponsesCodec.reasoningItem(id: itemID, text: text, signature: signature)
        case .call(let itemID, let callID, let name, let arguments, _):
            out.append(emit(ResponsesWire.Event.functionCallArgumentsDone, ["item_id": .string(itemID), "output_index": index, "arguments": .string(arguments)]))
            final = ["id": .string(itemID), "type": "function_call", "status": "completed", "arguments": .string(arguments), "call_id": .string(callID), "name": .string(name)]
        }
        out.append(emit(ResponsesWire.Event.outputItemDone, ["output_index": index, "item": final]))
        done.append(final)
        return out
    }

    private mutating func emit(_ type: String, _ fields: JSONObject) -> ServerSentEvent {
        var data: JSONObject = ["type": .string(type)]
        for member in fields.members { data[member.key] = member.value }
        data["sequence_number"] = .int(sequence)
        sequence += 1
        return ServerSentEvent(event: type, data: JSONValue.object(data).serializedString())
    }
}
