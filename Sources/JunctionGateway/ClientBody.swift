import JunctionWire

/// The parts of a client's request body that routing needs, read and checked per format.
struct ClientBody: Sendable {
    var json: JSONValue
    var model: String
    var stream: Bool
    /// OpenAI Chat only: the client asked for the usage chunk.
    var clientWantsUsage: Bool

    /// Why a body cannot be routed: status 400, a message and an OpenAI-style code.
    struct Problem: Error {
        var message: String
        var code: String
        var param: String?
    }

    /// Reads `body` for `request.format`; Gemini's model and streaming come from the URL.
    init(_ request: ClientRequest) throws(Problem) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: request.body)
        } catch {
            throw Problem(message: "The request body is not valid JSON (\(error)).", code: "invalid_json")
        }
        guard json.objectValue != nil else { throw Problem(message: "The request body must be a JSON object.", code: "invalid_json") }
        self.json = json
        switch request.format {
        case .gemini:
            guard let model = request.pathModel, !model.isEmpty else {
                throw Problem(message: "The model is missing from the URL.", code: "missing_model", param: "model")
            }
            self.model = model
            stream = request.pathStream
            guard json["contents"]?.arrayValue != nil else {
                throw Problem(message: "The 'contents' field must be an array.", code: "invalid_contents", param: "contents")
            }
        case .openAIChat, .anthropic, .openAIResponses:
            guard let model = json["model"]?.stringValue, !model.isEmpty else {
                throw Problem(message: "The 'model' field is required.", code: "missing_model", param: "model")
            }
            self.model = model
            stream = json["stream"]?.boolValue == true
            if request.format == .openAIResponses {
                guard json["input"]?.stringValue != nil || json["input"]?.arrayValue != nil else {
                    throw Problem(message: "The 'input' field must be a string or an array.", code: "invalid_input", param: "input")
                }
            } else {
                guard json["messages"]?.arrayValue != nil else {
                    throw Problem(message: "The 'messages' field must be an array.", code: "invalid_messages", param: "messages")
                }
            }
        }
        clientWantsUsage = request.format == .openAIChat && json["stream_options"]?["include_usage"]?.boolValue == true
    }
}
