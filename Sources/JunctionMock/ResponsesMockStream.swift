import JunctionWire

/// The event sequence OpenAI documents for a streamed response.
///
/// `response.created`, `response.in_progress`; per output item `response.output_item.added`, its
/// parts and deltas (reasoning summary parts, `response.output_text.*` inside
/// `response.content_part.*`, or `response.function_call_arguments.*`) and
/// `response.output_item.done`; then `response.completed`. Every event carries its `type` as
/// the SSE event name and an increasing `sequence_number`.
enum ResponsesMockStream {
    typealias R = ResponsesMockResponses

    static func events(_ answer: MockAnswer, ids: R.IDs, model: String, created: Int, body: JSONValue) -> [ServerSentEvent] {
        let pending = R.response(ids: ids, model: model, created: created, body: body, status: "in_progress", output: [], usage: nil)
        var events: [JSONValue] = [["type": "response.created", "response": pending], ["type": "response.in_progress", "response": pending]]
        var outputIndex = 0
        if answer.thinking != nil {
            events += reasoning(answer, ids: ids, body: body, outputIndex: outputIndex)
            outputIndex += 1
        }
        if let call = answer.toolCall {
            events += functionCall(call, ids: ids, outputIndex: outputIndex)
        } else {
            events += message(answer, ids: ids, outputIndex: outputIndex)
        }
        let done = R.response(
            ids: ids, model: model, created: created, body: body, status: R.status(answer), output: R.output(answer, ids: ids, body: body),
            usage: R.usage(answer), truncated: answer.truncated)
        events.append(["type": answer.truncated ? "response.incomplete" : "response.completed", "response": done])
        return events.enumerated().map { index, event in
            var numbered = event
            numbered["sequence_number"] = .int(index)
            return ServerSentEvent.typed(numbered)
        }
    }

    /// `response.failed`, the documented terminal event of a response that failed mid-stream.
    static func failedEvent(ids: R.IDs, model: String, created: Int, body: JSONValue, message: String?, sequenceNumber: Int) -> ServerSentEvent {
        let error: JSONValue = ["code": "server_error", "message": .string(message ?? "The model produced an error mid-stream.")]
        let failed = R.response(ids: ids, model: model, created: created, body: body, status: "failed", output: [], usage: nil, error: error)
        return ServerSentEvent.typed(["type": "response.failed", "response": failed, "sequence_number": .int(sequenceNumber)])
    }

    private static func reasoning(_ answer: MockAnswer, ids: R.IDs, body: JSONValue, outputIndex: Int) -> [JSONValue] {
        let itemID = JSONValue.string(ids.reasoning)
        let index = JSONValue.int(outputIndex)
        var events: [JSONValue] = [
            ["type": "response.output_item.added", "output_index": index, "item": R.reasoningItem(answer, ids: ids, body: body, summaryText: nil)]
        ]
        var summary: String?
        if R.wantsSummary(body), let thinking = answer.thinking, let text = answer.thinkingText {
            summary = text
            let place: [(String, JSONValue)] = [("item_id", itemID), ("output_index", index), ("summary_index", 0)]
            func event(_ type: String, _ extra: (String, JSONValue)...) -> JSONValue {
                .object(JSONObject(([("type", JSONValue.string(type))] + place + extra).map { .init(key: $0.0, value: $0.1) }))
            }
            events.append(event("response.reasoning_summary_part.added", ("part", ["type": "summary_text", "text": ""])))
            for delta in MockAnswer.deltas(thinking) { events.append(event("response.reasoning_summary_text.delta", ("delta", .string(delta)))) }
            events.append(event("response.reasoning_summary_text.done", ("text", .string(text))))
            events.append(event("response.reasoning_summary_part.done", ("part", ["type": "summary_text", "text": .string(text)])))
        }
        events.append([
            "type": "response.output_item.done", "output_index": index,
            "item": R.reasoningItem(answer, ids: ids, body: body, summaryText: summary),
        ])
        return events
    }

    private static func message(_ answer: MockAnswer, ids: R.IDs, outputIndex: Int) -> [JSONValue] {
        let itemID = JSONValue.string(ids.message)
        let index = JSONValue.int(outputIndex)
        var events: [JSONValue] = [
            ["type": "response.output_item.added", "output_index": index, "item": R.messageItem(ids: ids, text: "", status: "in_progress")],
            [
                "type": "response.content_part.added", "item_id": itemID, "output_index": index, "content_index": 0,
                "part": R.outputText(""),
            ],
        ]
        for delta in MockAnswer.deltas(answer.words) {
            events.append([
                "type": "response.output_text.delta", "item_id": itemID, "output_index": index, "content_index": 0,
                "delta": .string(delta), "logprobs": [],
            ])
        }
        events += [
            [
                "type": "response.output_text.done", "item_id": itemID, "output_index": index, "content_index": 0,
                "text": .string(answer.text), "logprobs": [],
            ],
            [
                "type": "response.content_part.done", "item_id": itemID, "output_index": index, "content_index": 0,
                "part": R.outputText(answer.text),
            ],
            [
                "type": "response.output_item.done", "output_index": index,
                "item": R.messageItem(ids: ids, text: answer.text, status: R.status(answer)),
            ],
        ]
        return events
    }

    private static func functionCall(_ call: MockAnswer.ToolCall, ids: R.IDs, outputIndex: Int) -> [JSONValue] {
        let itemID = JSONValue.string(ids.functionCall)
        let index = JSONValue.int(outputIndex)
        var events: [JSONValue] = [
            [
                "type": "response.output_item.added", "output_index": index,
                "item": R.functionCallItem(call, ids: ids, arguments: "", status: "in_progress"),
            ]
        ]
        for piece in call.pieces {
            events.append(["type": "response.function_call_arguments.delta", "item_id": itemID, "output_index": index, "delta": .string(piece)])
        }
        events += [
            [
                "type": "response.function_call_arguments.done", "item_id": itemID, "name": .string(call.name),
                "output_index": index, "arguments": .string(call.arguments),
            ],
            [
                "type": "response.output_item.done", "output_index": index,
                "item": R.functionCallItem(call, ids: ids, arguments: call.arguments, status: "completed"),
            ],
        ]
        return events
    }
}
