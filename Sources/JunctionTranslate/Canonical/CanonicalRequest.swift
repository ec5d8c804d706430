import JunctionWire

/// How much the model should reason before answering.
///
/// Formats express it differently: OpenAI as an effort word, Anthropic as a token budget, Gemini as a
/// budget or a level. A codec keeps what its client said and derives the other from
/// ``ReasoningConfig/effectiveBudget`` and ``ReasoningConfig/effectiveEffort``.
public struct ReasoningConfig: Sendable, Hashable {
    /// Reasoning effort words shared by OpenAI's formats.
    public enum Effort: String, Sendable, Hashable, CaseIterable {
        case none, minimal, low, medium, high, xhigh
    }

    /// The effort the client asked for, if it spoke in effort words.
    public var effort: Effort?
    /// The token budget the client asked for, if it spoke in tokens (`0` turns reasoning off, `-1` lets the model decide).
    public var budgetTokens: Int?
    /// Whether reasoning text (or summaries) should be returned.
    public var includeThoughts: Bool?
    /// Responses `reasoning.summary` (`auto`, `concise`, `detailed`).
    public var summary: String?

    /// A reasoning setting.
    public init(effort: Effort? = nil, budgetTokens: Int? = nil, includeThoughts: Bool? = nil, summary: String? = nil) {
        self.effort = effort
        self.budgetTokens = budgetTokens
        self.includeThoughts = includeThoughts
        self.summary = summary
    }

    /// Whether reasoning is switched off.
    public var isDisabled: Bool { effort == Effort.none || budgetTokens == 0 }

    /// The budget for formats that speak in tokens: the client's budget, or the effort's table value.
    ///
    /// minimal 1024, low 4096, medium 8192, high 16384, xhigh 32768; `none` is 0; `nil` when the model decides.
    public var effectiveBudget: Int? {
        if let budgetTokens { return budgetTokens }
        switch effort {
        case .none?: return 0
        case .minimal?: return 1024
        case .low?: return 4096
        case .medium?: return 8192
        case .high?: return 16384
        case .xhigh?: return 32768
        case nil: return nil
        }
    }

    /// The effort for formats that speak in words: the client's effort, or the budget's band.
    ///
    /// 0 is none, up to 1024 minimal, up to 4096 low, up to 12288 medium, above that high; `-1` (dynamic) is medium.
    public var effectiveEffort: Effort? {
        if let effort { return effort }
        guard let budgetTokens else { return nil }
        switch budgetTokens {
        case ..<0: return .medium
        case 0: return Effort.none
        case 1...1024: return .minimal
        case 1025...4096: return .low
        case 4097...12288: return .medium
        default: return .high
        }
    }
}

/// The shape the answer must take.
public enum CanonicalResponseFormat: Sendable, Hashable {
    /// Free text.
    case text
    /// Any JSON object.
    case jsonObject
    /// JSON matching a schema.
    case jsonSchema(name: String, schema: JSONValue, strict: Bool?, description: String?)
}

/// Sampling and length settings.
public struct GenerationParameters: Sendable, Hashable {
    /// The output cap, in tokens, whatever the client called it.
    public var maxTokens: Int?
    /// Sampling temperature, kept as the client's number literal.
    public var temperature: JSONValue?
    /// Nucleus sampling.
    public var topP: JSONValue?
    /// Top-k sampling (Anthropic, Gemini).
    public var topK: JSONValue?
    /// Strings that stop generation.
    public var stopSequences: [String]
    /// A sampling seed.
    public var seed: JSONValue?
    /// Presence penalty (OpenAI, Gemini).
    public var presencePenalty: JSONValue?
    /// Frequency penalty (OpenAI, Gemini).
    public var frequencyPenalty: JSONValue?

    /// Parameters; all unset by default.
    public init(maxTokens: Int? = nil, temperature: JSONValue? = nil, topP: JSONValue? = nil, topK: JSONValue? = nil, stopSequences: [String] = [], seed: JSONValue? = nil, presencePenalty: JSONValue? = nil, frequencyPenalty: JSONValue? = nil) {
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.stopSequences = stopSequences
        self.seed = seed
        self.presencePenalty = presencePenalty
        self.frequencyPenalty = frequencyPenalty
    }
}

/// A conversation request in no particular format: the hub every codec decodes into and encodes from.
public struct CanonicalRequest: Sendable, Hashable {
    /// The model the client named.
    public var model: String
    /// System prompt parts (text, possibly cache-marked).
    public var system: [CanonicalPart]
    /// The conversation.
    public var messages: [CanonicalMessage]
    /// Function tools.
    public var tools: [CanonicalTool]
    /// How tools may be used.
    public var toolChoice: CanonicalToolChoice?
    /// Whether several tool calls may come in one turn.
    public var parallelToolCalls: Bool?
    /// Sampling and length.
    public var parameters: GenerationParameters
    /// Reasoning.
    public var reasoning: ReasoningConfig?
    /// Output shape.
    public var responseFormat: CanonicalResponseFormat?
    /// An end-user id (OpenAI `user`, Anthropic `metadata.user_id`).
    public var user: String?
    /// Free-form string metadata (OpenAI formats).
    public var metadata: JSONObject?
    /// Whether the client asked for a stream.
    public var stream: Bool
    /// Whether an OpenAI Chat client asked for a final usage chunk (`stream_options.include_usage`).
    public var includeStreamUsage: Bool?
    /// Fields this codec does not model, kept for a target of the same format.
    public var extras: JSONObject
    /// The format `extras` came from.
    public var extrasFormat: APIFormat?

    /// A request for `model` with the given conversation.
    public init(model: String, system: [CanonicalPart] = [], messages: [CanonicalMessage] = [], tools: [CanonicalTool] = [], toolChoice: CanonicalToolChoice? = nil, parallelToolCalls: Bool? = nil, parameters: GenerationParameters = GenerationParameters(), reasoning: ReasoningConfig? = nil, responseFormat: CanonicalResponseFormat? = nil, user: String? = nil, metadata: JSONObject? = nil, stream: Bool = false, extras: JSONObject = JSONObject(), extrasFormat: APIFormat? = nil) {
        self.model = model
        self.system = system
        self.messages = messages
        self.tools = tools
        self.toolChoice = toolChoice
        self.parallelToolCalls = parallelToolCalls
        self.parameters = parameters
        self.reasoning = reasoning
        self.responseFormat = responseFormat
        self.user = user
        self.metadata = metadata
        self.stream = stream
        self.extras = extras
        self.extrasFormat = extrasFormat
    }

    /// The system prompt as one text, parts joined by blank lines.
    public var systemText: String? {
        let texts = system.compactMap(\.text)
        return texts.isEmpty ? nil : texts.joined(separator: "\n\n")
    }

    /// The extras to copy into a body of `format`: only those that came from the same format.
    public func extras(for format: APIFormat) -> JSONObject {
        extrasFormat == format ? extras : JSONObject()
    }

    /// The name of the tool each call id belongs to, over the whole history.
    public var toolNamesByCallID: [String: String] {
        var names: [String: String] = [:]
        for message in messages {
            for part in message.parts {
                if case .toolCall(let call) = part.content {
                    names[call.id] = call.name
                    names[SignatureCarrier.plainID(call.id)] = call.name
                }
            }
        }
        return names
    }
}

extension CanonicalRequest {
    /// Throws when the request depends on state stored at a Responses provider and `target` is another format.
    public func requireStateless(for target: APIFormat) throws {
        guard extrasFormat == .openAIResponses, target != .openAIResponses else { return }
        if let previous = extras["previous_response_id"], !previous.isNull {
            throw TranslationError.unsupported("previous_response_id refers to state stored by an OpenAI Responses provider; send the full conversation in 'input' to use this model")
        }
    }
}
