import Foundation
import JunctionWire

/// The mock's answers in Gemini's documented wire shapes: GenerateContentResponse chunks, usage and errors.
enum GeminiMockResponses {
    /// The `google.rpc` status name and default message for an HTTP status.
    static func errorKind(status: Int) -> (status: String, message: String) {
        switch status {
        case 400: ("INVALID_ARGUMENT", "Request contains an invalid argument.")
        case 401: ("UNAUTHENTICATED", "Request had invalid authentication credentials.")
        case 403: ("PERMISSION_DENIED", "The caller does not have permission")
        case 404: ("NOT_FOUND", "Requested entity was not found.")
        case 429: ("RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).")
        case 500: ("INTERNAL", "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting")
        case 503: ("UNAVAILABLE", "The model is overloaded. Please try again later.")
        case 504: ("DEADLINE_EXCEEDED", "The request timed out. Please try again.")
        case 400..<500: ("FAILED_PRECONDITION", "Precondition check failed.")
        default: ("INTERNAL", "An internal error has occurred.")
        }
    }

    /// `{"error":{"code":…,"message":…,"status":…}}`, with `details` when given.
    static func errorBody(status: Int, message: String?, details: [JSONValue] = []) -> JSONValue {
        let kind = errorKind(status: status)
        var error: JSONValue = ["code": .int(status), "message": .string(message ?? kind.message), "status": .string(kind.status)]
        if !details.isEmpty { error["details"] = .array(details) }
        return ["error": error]
    }

    /// A `google.rpc.RetryInfo` detail, as a 429 carries it.
    static func retryInfo(seconds: Int) -> JSONValue {
        ["@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": .string("\(seconds)s")]
    }

    /// A `google.rpc.ErrorInfo` detail, as a rejected API key carries it.
    static func errorInfo(reason: String) -> JSONValue {
        [
            "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": .string(reason), "domain": "googleapis.com",
            "metadata": ["service": "generativelanguage.googleapis.com"],
        ]
    }

    /// A field by its camelCase name or its snake_case one (the REST API takes both).
    static func field(_ value: JSONValue?, _ camel: String, _ snake: String) -> JSONValue? {
        value?[camel] ?? value?[snake]
    }

    /// Input tokens of a request: its contents and system instruction.
    static func promptTokens(_ body: JSONValue) -> Int {
        MockTokens.prompt(messages: body["contents"]?.arrayValue ?? [], system: field(body, "systemInstruction", "system_instruction"))
    }

    /// The first function declaration, unless the calling mode is `NONE` or the last turn answers a call.
    static func tool(_ body: JSONValue) -> (name: String, schema: JSONValue?)? {
        let mode = field(field(body, "toolConfig", "tool_config"), "functionCallingConfig", "function_calling_config")?["mode"]?.stringValue
        if mode == "NONE" { return nil }
        let lastParts = body["contents"]?.arrayValue?.last?["parts"]?.arrayValue ?? []
        if lastParts.contains(where: { field($0, "functionResponse", "function_response") != nil }) { return nil }
        for tool in body["tools"]?.arrayValue ?? [] {
            if let declaration = field(tool, "functionDeclarations", "function_declarations")?.arrayValue?.first,
                let name = declaration["name"]?.stringValue
            {
                return (name, declaration["parameters"] ?? field(declaration, "parametersJsonSchema", "parameters_json_schema"))
            }
        }
        return nil
    }

    /// `thinkingConfig`: whether the model thinks (a budget other than 0) and whether thoughts are shown.
    static func thinking(_ body: JSONValue) -> (thinks: Bool, includeThoughts: Bool) {
        guard let config = field(field(body, "generationConfig", "generation_config"), "thinkingConfig", "thinking_config") else {
            return (false, false)
        }
        let include = field(config, "includeThoughts", "include_thoughts")?.boolValue == true
        let budget = field(config, "thinkingBudget", "thinking_budget")?.intValue
        return (include || (budget ?? 0) != 0 || config["thinkingLevel"] != nil, include)
    }

    /// `usageMetadata`; in a stream every chunk carries it with the output counted so far.
    static func usage(_ answer: MockAnswer, candidates: Int) -> JSONValue {
        var usage: JSONValue = [
            "promptTokenCount": .int(answer.promptTokens), "candidatesTokenCount": .int(candidates),
            "totalTokenCount": .int(answer.promptTokens + candidates + answer.reasoningTokens),
        ]
        if answer.cachedTokens > 0 { usage["cachedContentTokenCount"] = .int(answer.cachedTokens) }
        usage["promptTokensDetails"] = [["modality": "TEXT", "tokenCount": .int(answer.promptTokens)]]
        if answer.reasoningTokens > 0 { usage["thoughtsTokenCount"] = .int(answer.reasoningTokens) }
        return usage
    }

    /// One GenerateContentResponse with these parts; the last one carries `finishReason`.
    static func chunk(_ parts: [JSONValue], answer: MockAnswer, candidates: Int, model: String, responseID: String, final: Bool) -> JSONValue {
        var candidate: JSONValue = ["content": ["parts": .array(parts), "role": "model"]]
        if final { candidate["finishReason"] = answer.truncated ? "MAX_TOKENS" : "STOP" }
        candidate["index"] = 0
        return [
            "candidates": [candidate], "usageMetadata": usage(answer, candidates: candidates), "modelVersion": .string(model),
            "responseId": .string(responseID),
        ]
    }

    /// The answer's parts in stream order: a thought part (when shown), then the function call
    /// whole or the text in pieces of three words. When the model thought, the function call part
    /// carries the `thoughtSignature`, or else the last text part does (as Gemini streams it).
    static func partGroups(_ answer: MockAnswer, includeThoughts: Bool) -> [[JSONValue]] {
        var groups: [[JSONValue]] = []
        if includeThoughts, let thinking = answer.thinkingText { groups.append([["text": .string(thinking), "thought": true]]) }
        var answerParts: [JSONValue]
        if let call = answer.toolCall {
            answerParts = [["functionCall": ["name": .string(call.name), "args": call.argumentsValue]]]
        } else {
            let pieces = MockAnswer.deltas(answer.words)
            answerParts = stride(from: 0, to: pieces.count, by: 3).map { ["text": .string(pieces[$0..<min($0 + 3, pieces.count)].joined())] }
        }
        if let thinking = answer.thinkingText, !answerParts.isEmpty {
            answerParts[answerParts.count - 1]["thoughtSignature"] = .string(MockAnswer.signature(for: thinking))
        }
        if answer.toolCall != nil { groups.append(answerParts) } else { groups += answerParts.map { [$0] } }
        return groups
    }

    /// The whole answer as one GenerateContentResponse (text parts joined into one).
    static func response(_ answer: MockAnswer, model: String, responseID: String, includeThoughts: Bool) -> JSONValue {
        var parts = partGroups(answer, includeThoughts: includeThoughts).flatMap { $0 }
        if answer.toolCall == nil {
            let firstAnswer = parts.firstIndex { $0["thought"] == nil } ?? parts.count
            var text: JSONValue = ["text": .string(answer.text)]
            if let signature = parts.last?["thoughtSignature"] { text["thoughtSignature"] = signature }
            parts = Array(parts[..<firstAnswer]) + [text]
        }
        return chunk(parts, answer: answer, candidates: answer.visibleTokens, model: model, responseID: responseID, final: true)
    }

    /// The stream's chunks, in order.
    static func chunks(_ answer: MockAnswer, model: String, responseID: String, includeThoughts: Bool) -> [JSONValue] {
        let groups = partGroups(answer, includeThoughts: includeThoughts)
        var words = 0
        return groups.enumerated().map { index, parts in
            let final = index == groups.count - 1
            if answer.toolCall == nil {
                words += parts.reduce(0) { $0 + ($1["thought"] == nil ? MockTokens.words(in: $1["text"] ?? .null) : 0) }
            }
            let candidates = final ? answer.visibleTokens : min(words, answer.visibleTokens)
            return chunk(parts, answer: answer, candidates: candidates, model: model, responseID: responseID, final: final)
        }
    }

    /// The signature values Google documents as accepted in place of a real one.
    static let dummySignatures: Set<String> = ["skip_thought_signature_validator", "context_engineering_is_the_way_to_go"]

    /// Gemini 3 models reject a function call of the current turn sent back without its
    /// `thoughtSignature`; the error names the first such call.
    static func missingSignature(_ body: JSONValue, model: String) -> String? {
        guard model.hasPrefix("gemini-3") else { return nil }
        let contents = body["contents"]?.arrayValue ?? []
        let turnStart = contents.lastIndex {
            $0["role"]?.stringValue ?? "user" == "user" && ($0["parts"]?.arrayValue ?? []).contains { $0["text"] != nil }
        } ?? 0
        for (index, content) in contents.enumerated() where index > turnStart && content["role"]?.stringValue == "model" {
            guard let call = content["parts"]?.arrayValue?.first(where: { field($0, "functionCall", "function_call") != nil }) else { continue }
            if field(call, "thoughtSignature", "thought_signature")?.stringValue == nil {
                let name = field(call, "functionCall", "function_call")?["name"]?.stringValue ?? ""
                return "Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, "
                    + "and missing thought_signature may lead to degraded model performance. Additional data, function call `\(name)` , "
                    + "position \(index + 1). Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details."
            }
        }
        return nil
    }

    /// The model list Gemini sends to `GET /v1beta/models`.
    static func modelList(_ models: [String]) -> JSONValue {
        let entries: [JSONValue] = models.map {
            [
                "name": .string("models/\($0)"), "version": "001", "displayName": .string($0), "description": .string("Mock model \($0)"),
                "inputTokenLimit": 1_048_576, "outputTokenLimit": 65_536,
                "supportedGenerationMethods": ["generateContent", "countTokens"], "temperature": 1, "topP": 0.95, "topK": 64,
                "maxTemperature": 2, "thinking": true,
            ]
        }
        return ["models": .array(entries)]
    }
}
