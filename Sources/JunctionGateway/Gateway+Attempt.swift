import AsyncHTTPClient
import JunctionProviders
import JunctionTranslate
import JunctionWire
import NIOCore

/// The result of trying one target with one account.
enum AttemptResult: Sendable {
    /// A response the client will get; the ledger row is written (or will be, at the stream's end).
    /// `headers` are the provider's (for quota), `outputTokens` known only for whole answers.
    case committed(GatewayResponse, headers: [(name: String, value: String)], outputTokens: Int?)
    /// Nothing reached the client; the trace has this attempt appended.
    case failed(UpstreamFailure, RequestTrace)
}

extension Gateway {
    /// Sends the request to one target with one account, holding a stream back until its first content.
    func attempt(_ exchange: Exchange, target: RouteTarget, account: Int?, trace: RequestTrace) async -> AttemptResult {
        var trace = trace
        let format = target.provider.format

        func fail(_ failure: UpstreamFailure) -> AttemptResult {
            trace.attempts.append(.init(target: target.name, account: account, outcome: failure.outcome))
            return .failed(failure, trace)
        }

        let request: UpstreamRequest
        do {
            request = try exchange.upstreamRequest(for: target, account: account)
        } catch {
            // This target cannot express the request (an image URL for an inline-only provider…).
            let message = (error as? TranslationError)?.message ?? "\(error)"
            let body = ErrorRenderer.body(format: exchange.clientFormat, status: 400, message: message, code: "untranslatable_request")
            return fail(.untranslatable(body: body.serialized()))
        }

        let response: UpstreamResponse
        do {
            response = try await upstream.send(request, logger: logger)
        } catch {
            return fail(.transport(UpstreamClient.classify(error)))
        }

        guard (200..<300).contains(response.status) else {
            let bytes = (try? await response.body.collect(upTo: 1 << 20)).map { Array($0.readableBytesView) } ?? []
            return fail(.status(response.status, body: bytes, format: format, headers: response.headers))
        }

        if exchange.stream {
            guard response.header("content-type")?.lowercased().hasPrefix("text/event-stream") == true else {
                return fail(.invalidResponse("expected an event stream"))
            }
            return await holdBack(response, exchange: exchange, target: target, account: account, trace: trace)
        }

        let bytes: [UInt8]
        do {
            bytes = Array(try await response.body.collect(upTo: Self.maximumResponseBytes).readableBytesView)
        } catch {
            return fail(.transport(UpstreamClient.classify(error)))
        }
        guard let parsed = try? JSONValue(parsing: bytes), parsed.objectValue != nil else {
            return fail(.invalidResponse("the body is not a JSON object"))
        }
        let codec = Codecs.codec(for: format)
        if let error = codec.decodeError(parsed, status: 502) {
            return fail(.streamError(StreamFailure(status: error.status, message: error.message, body: parsed), format: format))
        }
        let output: [UInt8]
        if exchange.isPassthrough(to: format) {
            trace.usage = format == .openAIChat
                ? TokenUsage(openAIUsage: parsed["usage"] ?? .null)
                : ((try? codec.decodeResponse(parsed))?.usage.map(TokenUsage.init) ?? TokenUsage())
            output = bytes
        } else {
            do {
                let answer = try codec.decodeResponse(parsed)
                if answer.finishReason == .malformedToolCall { return fail(.invalidResponse("the model produced a malformed tool call")) }
                trace.usage = answer.usage.map(TokenUsage.init) ?? TokenUsage()
                let clientCodec = exchange.canonical.map { Codecs.clientCodec(for: exchange.clientFormat, request: $0) }
                    ?? Codecs.codec(for: exchange.clientFormat)
                output = clientCodec.encodeResponse(answer, model: target.upstreamModel).serialized()
            } catch {
                return fail(.invalidResponse("the answer could not be translated (\(error))"))
            }
        }
        trace.attempts.append(.init(target: target.name, account: account, outcome: String(response.status)))
        trace.firstByte = .now
        trace.finish(status: response.status, ledger: ledger, logger: logger, metrics: metrics)
        return .committed(
            .json(status: response.status, output, headers: trace.responseHeaders), headers: response.headers,
            outputTokens: trace.usage.outputTokens)
    }

    /// Reads the stream until its first real content; an error or an empty stream before that is a failed attempt.
    private func holdBack(
        _ response: UpstreamResponse, exchange: Exchange, target: RouteTarget, account: Int?, trace: RequestTrace
    ) async -> AttemptResult {
        var trace = trace
        let format = target.provider.format
        var iterator = response.body.makeAsyncIterator()
        var relay: any StreamRelay =
            format == .openAIChat && exchange.clientFormat == .openAIChat
            ? ChatStreamRelay(clientWantsUsage: exchange.clientWantsUsage)
            : CanonicalStreamRelay(provider: format, client: exchange.clientFormat, model: target.upstreamModel, request: exchange.canonical)
        var held = ByteBuffer()

        func fail(_ failure: UpstreamFailure) -> AttemptResult {
            trace.attempts.append(.init(target: target.name, account: account, outcome: failure.outcome))
            return .failed(failure, trace)
        }

        do {
            reading: while true {
                guard let chunk = try await iterator.next() else { return fail(.emptyStream) }
                switch try relay.holdBack(chunk, into: &held) {
                case .needMore: continue
                case .content: break reading
                case .error(let failure): return fail(.streamError(failure, format: format))
                case .emptyDone: return fail(.emptyStream)
                }
            }
        } catch let error as ServerSentEventError {
            return fail(.invalidResponse(error.description))
        } catch let error as TranslationError {
            return fail(.invalidResponse(error.message))
        } catch {
            return fail(.transport(UpstreamClient.classify(error)))
        }

        trace.attempts.append(.init(target: target.name, account: account, outcome: String(response.status)))
        let box = IteratorBox(iterator)
        let headers: [(name: String, value: String)] = [
            ("content-type", "text/event-stream"), ("cache-control", "no-cache"), ("x-accel-buffering", "no"),
        ]
        let committedTrace = trace
        let committedRelay = relay
        let firstBytes = held
        let clientFormat = exchange.clientFormat
        let stream = GatewayResponse.Stream { [self] write in
            await relayRest(
                box, relay: committedRelay, firstBytes: firstBytes, clientFormat: clientFormat, trace: committedTrace, write: write)
        }
        return .committed(
            GatewayResponse(status: 200, headers: headers + trace.responseHeaders, body: .stream(stream)), headers: response.headers,
            outputTokens: nil)
    }

    /// Sends what was held back, then the rest of the stream as it arrives; writes the ledger row at the end.
    private func relayRest(
        _ box: IteratorBox<HTTPClientResponse.Body.AsyncIterator>, relay: any StreamRelay, firstBytes: ByteBuffer,
        clientFormat: APIFormat, trace: RequestTrace, write: (ByteBuffer) async throws -> Void
    ) async {
        var relay = relay
        var trace = trace
        var status = 200
        defer {
            box.iterator = nil
            trace.usage = relay.usage
            trace.finish(status: status, ledger: ledger, logger: logger, metrics: metrics)
        }
        trace.firstByte = .now
        do {
            try await write(firstBytes)
        } catch {
            status = 499
            trace.error = "client disconnected"
            return
        }
        while true {
            let output: ByteBuffer
            var finished = false
            do {
                if let chunk = try await box.iterator?.next() {
                    output = try relay.relay(chunk)
                } else {
                    output = relay.finish()
                    finished = true
                }
            } catch {
                let reason =
                    (error as? ServerSentEventError)?.description ?? (error as? TranslationError)?.message
                    ?? UpstreamClient.classify(error).message
                status = 502
                trace.error = "upstream failed mid-stream: \(reason)"
                let event = Self.midStreamError(format: clientFormat, message: "The provider failed after the response began: \(reason).")
                try? await write(ByteBuffer(bytes: event.encoded()))
                return
            }
            if output.readableBytes > 0 {
                do {
                    try await write(output)
                } catch {
                    status = 499
                    trace.error = "client disconnected"
                    return
                }
            }
            if finished { break }
        }
        if let failure = relay.upstreamError {
            status = 502
            trace.error = "upstream error mid-stream: \(failure.message)"
        }
    }

    /// The error event for a failure after the stream began, in the client's stream format.
    static func midStreamError(format: APIFormat, message: String) -> ServerSentEvent {
        if format == .openAIChat {
            let body = OpenAIErrorBody.make(message: message, type: "api_error", code: "upstream_stream_error")
            return ServerSentEvent(data: body.serializedString())
        }
        return Codecs.codec(for: format).streamErrorEvent(status: 502, message: message)
    }
}
