import JunctionSaver
import JunctionWire

/// Finds the tool outputs inside a request body in any client format, and compresses each with the
/// token saver, using the tool call that produced it (its name and arguments) as context.
///
/// Only tool output is touched: OpenAI `role: tool` messages, Anthropic `tool_result` blocks,
/// Responses `function_call_output` items and Gemini `functionResponse` parts. User, assistant and
/// system text never change. Outputs under 1 KB are left alone. The walk is pure and deterministic,
/// so a conversation's history compresses the same way on every turn and prompt caches keep hitting.
struct ToolOutputSaver: Sendable {
    let saver: Saver

    /// The tool call that produced an output.
    struct Call {
        var name: String?
        var arguments: String?
    }

    /// Compresses the tool outputs in `body` in place and reports what changed.
    func compress(_ body: inout JSONValue, format: APIFormat) -> SaverReport {
        var report = SaverReport()
        switch format {
        case .openAIChat: compressOpenAIChat(&body, report: &report)
        case .anthropic: compressAnthropic(&body, report: &report)
        case .openAIResponses: compressResponses(&body, report: &report)
        case .gemini: compressGemini(&body, report: &report)
        }
        return report
    }

    /// Compresses one output's text; `nil` when it is left as it was.
    func compressText(_ text: String, call: Call?, isError: Bool, report: inout SaverReport) -> String? {
        report.outputs += 1
        let size = text.utf8.count
        guard size >= Saver.minimumBytes else {
            report.bytesBefore += size
            report.bytesAfter += size
            return nil
        }
        let result = saver.compress(text, context: ToolContext(toolName: call?.name, arguments: call?.arguments, isError: isError))
        report.bytesBefore += result.bytesBefore
        report.bytesAfter += result.bytesAfter
        report.tokensBefore += result.tokensBefore
        report.tokensAfter += result.tokensAfter
        guard result.text != text else { return nil }
        report.compressed += 1
        report.filters[result.filter, default: 0] += 1
        report.tokensSavedByFilter[result.filter, default: 0] += result.tokensBefore - result.tokensAfter
        return result.text
    }

    /// Compresses a content value that is a string or an array of text blocks (`{"type": "text", "text": …}`).
    func compressContent(_ content: inout JSONValue, textTypes: Set<String>, call: Call?, isError: Bool, report: inout SaverReport) {
        if let text = content.stringValue {
            if let compressed = compressText(text, call: call, isError: isError, report: &report) { content = .string(compressed) }
            return
        }
        guard var blocks = content.arrayValue else { return }
        var changed = false
        for index in blocks.indices {
            guard let type = blocks[index]["type"]?.stringValue, textTypes.contains(type),
                let text = blocks[index]["text"]?.stringValue,
                let compressed = compressText(text, call: call, isError: isError, report: &report)
            else { continue }
            blocks[index]["text"] = .string(compressed)
            changed = true
        }
        if changed { content = .array(blocks) }
    }
}
