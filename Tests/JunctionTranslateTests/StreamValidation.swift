import JunctionTranslate
import JunctionWire
import Testing

/// What a client would rebuild from a stream of its own format.
struct StreamSummary {
    var text = ""
    var thinking = ""
    var signatures: [String] = []
    var toolCalls: [(id: String, name: String, arguments: String)] = []
    var finish = ""
    var usage: CanonicalUsage?
    var error: String?
}

/// Checks that `events` is a valid stream of `format` and rebuilds its content.
func validate(_ events: [ServerSentEvent], as format: APIFormat) throws -> StreamSummary {
    switch format {
    case .anthropic: try validateAnthropic(events)
    case .openAIChat: try validateOpenAIChat(events)
    case .openAIResponses: try validateResponses(events)
    case .gemini: try validateGemini(events)
    }
}

private func validateAnthropic(_ events: [ServerSentEvent]) throws -> StreamSummary {
    var summary = StreamSummary()
    #expect(events.first?.event == "message_start" || events.first?.event == "error")
    var open: (index: Int, type: String)?
    var nextIndex = 0
    var tools: [Int: Int] = [:]
    for (position, event) in events.enumerated() {
        let data = try JSONValue(parsing: event.data)
        #expect(data["type"]?.stringValue == event.event, "event name and data type differ")
        switch event.event {
        case "message_start":
            #expect(position == 0)
            #expect(data["message"]?["role"] == "assistant")
        case "content_block_start":
            #expect(open == nil, "a block started while another is open")
            let index = data["index"]?.intValue ?? -1
            #expect(index == nextIndex, "block indices must count up from 0")
            nextIndex += 1
            let block = data["content_block"] ?? [:]
            let type = block["type"]?.stringValue ?? ""
            open = (index, type)
            if type == "tool_use" {
                tools[index] = summary.toolCalls.count
                summary.toolCalls.append((block["id"]?.stringValue ?? "", block["name"]?.stringValue ?? "", ""))
            }
        case "content_block_delta":
            let index = data["index"]?.intValue ?? -1
            #expect(open?.index == index, "delta for a block that is not open")
            let delta = data["delta"] ?? [:]
            switch delta["type"]?.stringValue {
            case "text_delta": #expect(open?.type == "text"); summary.text += delta["text"]?.stringValue ?? ""
            case "thinking_delta": #expect(open?.type == "thinking"); summary.thinking += delta["thinking"]?.stringValue ?? ""
            case "signature_delta": #expect(open?.type == "thinking"); summary.signatures.append(delta["signature"]?.stringValue ?? "")
            case "input_json_delta":
                #expect(open?.type == "tool_use")
                if let tool = tools[index] { summary.toolCalls[tool].arguments += delta["partial_json"]?.stringValue ?? "" }
            default: Issue.record("unknown delta \(delta)")
            }
        case "content_block_stop":
            #expect(open?.index == data["index"]?.intValue, "stop for a block that is not open")
            open = nil
        case "message_delta":
            #expect(open == nil, "message_delta with a block still open")
            #expect(events[position + 1].event == "message_stop")
            summary.finish = data["delta"]?["stop_reason"]?.stringValue ?? ""
            let usage = data["usage"] ?? [:]
            let read = usage["cache_read_input_tokens"]?.intValue ?? 0
            let write = usage["cache_creation_input_tokens"]?.intValue ?? 0
            summary.usage = CanonicalUsage(inputTokens: (usage["input_tokens"]?.intValue ?? 0) + read + write, cachedInputTokens: read, cacheWriteTokens: write, outputTokens: usage["output_tokens"]?.intValue ?? 0)
        case "message_stop":
            #expect(position == events.count - 1)
        case "error":
            summary.error = data["error"]?["message"]?.stringValue
            #expect(position == events.count - 1)
        case "ping": break
        default: Issue.record("unknown Anthropic event \(event.event ?? "nil")")
        }
    }
    if summary.error == nil { #expect(events.last?.event == "message_stop") }
    return summary
}

private func validateOpenAIChat(_ events: [ServerSentEvent]) throws -> StreamSummary {
    var summary = StreamSummary()
    var finishes = 0
    var tools: [Int: Int] = [:]
    for (position, event) in events.enumerated() {
        #expect(event.event == nil)
        if event.data == "[DONE]" {
            #expect(position == events.count - 1)
            continue
        }
        let chunk = try JSONValue(parsing: event.data)
        if let error = chunk["error"] {
            summary.error = error["message"]?.stringValue
            #expect(position == events.count - 1)
            continue
        }
        #expect(chunk["object"] == "chat.completion.chunk")
        if position == 0 { #expect(chunk["choices"]?[0]?["delta"]?["role"] == "assistant") }
        if let usage = chunk["usage"], usage.objectValue != nil {
            #expect(chunk["choices"] == [])
            summary.usage = CanonicalUsage(
                inputTokens: usage["prompt_tokens"]?.intValue ?? 0, cachedInputTokens: usage["prompt_tokens_details"]?["cached_tokens"]?.intValue ?? 0,
                cacheWriteTokens: usage["prompt_tokens_details"]?["cache_write_tokens"]?.intValue ?? 0,
                outputTokens: usage["completion_tokens"]?.intValue ?? 0, reasoningTokens: usage["completion_tokens_details"]?["reasoning_tokens"]?.intValue ?? 0)
        }
        guard let choice = chunk["choices"]?[0] else { continue }
        let delta = choice["delta"] ?? [:]
        summary.text += delta["content"]?.stringValue ?? ""
        summary.thinking += delta["reasoning_content"]?.stringValue ?? ""
        for call in delta["tool_calls"]?.arrayValue ?? [] {
            let index = try #require(call["index"]?.intValue)
            if tools[index] == nil {
                #expect(call["id"] != nil && call["function"]?["name"] != nil, "the first delta of a tool call names it")
                tools[index] = summary.toolCalls.count
                summary.toolCalls.append((call["id"]?.stringValue ?? "", call["function"]?["name"]?.stringValue ?? "", ""))
            }
            summary.toolCalls[tools[index]!].arguments += call["function"]?["arguments"]?.stringValue ?? ""
        }
        if let reason = choice["finish_reason"]?.stringValue {
            finishes += 1
            summary.finish = reason
        }
    }
    if summary.error == nil {
        #expect(finishes == 1)
        #expect(events.last?.data == "[DONE]")
    }
    return summary
}

private func validateResponses(_ events: [ServerSentEvent]) throws -> StreamSummary {
    var summary = StreamSummary()
    var openItems: [Int: String] = [:]
    var calls: [Int: Int] = [:]
    #expect(events.first?.event == "response.created")
    for (position, event) in events.enumerated() {
        let data = try JSONValue(parsing: event.data)
        #expect(data["type"]?.stringValue == event.event)
        #expect(data["sequence_number"]?.intValue == position, "sequence numbers count up from 0")
        let index = data["output_index"]?.intValue ?? -1
        switch event.event ?? "" {
        case "response.output_item.added":
            #expect(openItems[index] == nil)
            let item = data["item"] ?? [:]
            openItems[index] = item["type"]?.stringValue
            if item["type"] == "function_call" {
                calls[index] = summary.toolCalls.count
                summary.toolCalls.append((item["call_id"]?.stringValue ?? "", item["name"]?.stringValue ?? "", ""))
            }
        case "response.output_item.done":
            #expect(openItems[index] != nil, "done for an item never added")
            openItems[index] = nil
            if let signature = data["item"]?["encrypted_content"]?.stringValue { summary.signatures.append(signature) }
        case "response.output_text.delta":
            #expect(openItems[index] == "message"); summary.text += data["delta"]?.stringValue ?? ""
        case "response.reasoning_summary_text.delta":
            #expect(openItems[index] == "reasoning"); summary.thinking += data["delta"]?.stringValue ?? ""
        case "response.function_call_arguments.delta":
            #expect(openItems[index] == "function_call")
            if let call = calls[index] { summary.toolCalls[call].arguments += data["delta"]?.stringValue ?? "" }
        case "response.completed", "response.incomplete":
            #expect(position == events.count - 1)
            #expect(openItems.isEmpty, "items left open at the end")
            summary.finish = data["response"]?["status"]?.stringValue ?? ""
            if let usage = data["response"]?["usage"], usage.objectValue != nil {
                summary.usage = CanonicalUsage(
                    inputTokens: usage["input_tokens"]?.intValue ?? 0, cachedInputTokens: usage["input_tokens_details"]?["cached_tokens"]?.intValue ?? 0,
                    cacheWriteTokens: usage["input_tokens_details"]?["cache_write_tokens"]?.intValue ?? 0,
                    outputTokens: usage["output_tokens"]?.intValue ?? 0, reasoningTokens: usage["output_tokens_details"]?["reasoning_tokens"]?.intValue ?? 0)
            }
        case "error":
            summary.error = data["message"]?.stringValue
        default: break
        }
    }
    return summary
}

private func validateGemini(_ events: [ServerSentEvent]) throws -> StreamSummary {
    var summary = StreamSummary()
    for (position, event) in events.enumerated() {
        #expect(event.event == nil)
        let chunk = try JSONValue(parsing: event.data)
        if let error = chunk["error"] {
            summary.error = error["message"]?.stringValue
            continue
        }
        let candidate = try #require(chunk["candidates"]?[0])
        for part in candidate["content"]?["parts"]?.arrayValue ?? [] {
            if let call = part["functionCall"] {
                summary.toolCalls.append((call["id"]?.stringValue ?? "", call["name"]?.stringValue ?? "", (call["args"] ?? [:]).serializedString()))
                if let signature = part["thoughtSignature"]?.stringValue { summary.signatures.append(signature) }
            } else if part["thought"] == true {
                summary.thinking += part["text"]?.stringValue ?? ""
            } else {
                summary.text += part["text"]?.stringValue ?? ""
            }
        }
        if let reason = candidate["finishReason"]?.stringValue {
            #expect(position == events.count - 1, "only the last chunk carries finishReason")
            summary.finish = reason
        }
        if let usage = chunk["usageMetadata"], position == events.count - 1 {
            let thoughts = usage["thoughtsTokenCount"]?.intValue ?? 0
            summary.usage = CanonicalUsage(
                inputTokens: usage["promptTokenCount"]?.intValue ?? 0, cachedInputTokens: usage["cachedContentTokenCount"]?.intValue ?? 0,
                outputTokens: (usage["candidatesTokenCount"]?.intValue ?? 0) + thoughts, reasoningTokens: thoughts)
        }
    }
    if summary.error == nil { #expect(!summary.finish.isEmpty) }
    return summary
}
