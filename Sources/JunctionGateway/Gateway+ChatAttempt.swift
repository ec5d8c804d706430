import AsyncHTTPClient
import JunctionProviders
import JunctionWire
import NIOCore

/// The result of trying one target with one account.
enum AttemptResult: Sendable {
    /// A response the client will get; the ledger row is written (or will be, at the stream's end).
    case committed(GatewayResponse)
    /// Nothing reached the client; the trace has this attempt appended.
    case failed(AttemptFailure, RequestTrace)
}

extension Gateway {
    /// Sends the request to one target with one account, holding a stream back until its first content.
    func attempt(_ exchange: ChatExchange, target: RouteTarget, account: Int?, trace: RequestTrace) async -> AttemptResult {
        var trace = trace
        let provider = target.provider
        var headers: [(name: String, value: String)] = [
            ("content-type", "application/json"),
            ("accept", exchange.wantsStream ? "text/event-stream" : "application/json"),
        ]
        if let account { headers.append(("authorization", "Bearer \(provider.apiKeys[account])")) }
        let request = UpstreamRequest(
            url: provider.baseURL + "/chat/completions", headers: headers,
            body: exchange.upstreamBody(model: target.upstreamModel), timeouts: provider.timeouts)

        func fail(_ failure: AttemptFailure) -> AttemptResult {
            trace.attempts.append(.init(target: target.name, account: account, outcome: failure.outcome))
            return .failed(failure, trace)
        }

        let response: UpstreamResponse
        do {
            response = try await upstream.send(request, logger: logger)
        } catch {
            return fail(.transport(UpstreamClient.classify(error)))
        }

        guard (200..<300).contains(response.status) else {
            let bytes = (try? await response.body.collect(upTo: 1 << 20)).map { Array($0.readableBytesView) } ?? []
            if AttemptFailure.isRetryable(status: response.status) { return fail(.status(response.status, body: bytes)) }
            return clientError(status: response.status, body: bytes, target: target, account: account, trace: trace)
        }

        if exchange.wantsStream {
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
        if let error = parsed["error"], !error.isNull { return fail(.streamError(parsed)) }
        trace.attempts.append(.init(target: target.name, account: account, outcome: String(response.status)))
        trace.usage = TokenUsage(openAIUsage: parsed["usage"] ?? .null)
        trace.firstByte = .now
        trace.finish(status: response.status, ledger: ledger, logger: logger)
        return .committed(.json(status: response.status, bytes, headers: trace.responseHeaders))
    }

    /// A 4xx that is the client's to fix: passed back as it came, in OpenAI's shape.
    private func clientError(status: Int, body: [UInt8], target: RouteTarget, account: Int?, trace: RequestTrace) -> AttemptResult {
        var trace = trace
        trace.attempts.append(.init(target: target.name, account: account, outcome: String(status)))
        trace.error = "upstream \(status)"
        trace.finish(status: status, ledger: ledger, logger: logger)
        if let parsed = try? JSONValue(parsing: body), OpenAIErrorBody.isWellFormed(parsed) {
            return .committed(.json(status: status, body, headers: trace.responseHeaders))
        }
        let text = String(decoding: body.prefix(500), as: UTF8.self)
        let wrapped = OpenAIErrorBody.make(
            message: text.isEmpty ? "The provider answered HTTP \(status)." : text,
            type: OpenAIErrorBody.type(forStatus: status), code: "upstream_error")
        return .committed(.json(status: status, wrapped.serialized(), headers: trace.responseHeaders))
    }

    /// Reads the stream until its first real content; an error or an empty stream before that is a failed attempt.
    private func holdBack(
        _ response: UpstreamResponse, exchange: ChatExchange, target: RouteTarget, account: Int?, trace: RequestTrace
    ) async -> AttemptResult {
        var trace = trace
        var iterator = response.body.makeAsyncIterator()
        var relay = ChatStreamRelay(clientWantsUsage: exchange.clientWantsUsage)
        var held = ByteBuffer()

        func fail(_ failure: AttemptFailure) -> AttemptResult {
            trace.attempts.append(.init(target: target.name, account: account, outcome: failure.outcome))
            return .failed(failure, trace)
        }

        do {
            reading: while true {
                guard let chunk = try await iterator.next() else { return fail(.emptyStream) }
                switch try relay.holdBack(chunk, into: &held) {
                case .needMore: continue
                case .content: break reading
                case .error(let event): return fail(.streamError(event))
                case .emptyDone: return fail(.emptyStream)
                }
            }
        } catch let error as ServerSentEventError {
            return fail(.invalidResponse(error.description))
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
        let stream = GatewayResponse.Stream { [self] write in
            await relayRest(box, relay: committedRelay, firstBytes: firstBytes, trace: committedTrace, write: write)
        }
        return .committed(GatewayResponse(status: 200, headers: headers + trace.responseHeaders, body: .stream(stream)))
    }

    /// Sends what was held back, then the rest of the stream as it arrives; writes the ledger row at the end.
    private func relayRest(
        _ box: IteratorBox<HTTPClientResponse.Body.AsyncIterator>, relay: ChatStreamRelay, firstBytes: ByteBuffer,
        trace: RequestTrace, write: (ByteBuffer) async throws -> Void
    ) async {
        var relay = relay
        var trace = trace
        var status = 200
        defer {
            box.iterator = nil
            trace.usage = relay.usage
            trace.finish(status: status, ledger: ledger, logger: logger)
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
                let reason = (error as? ServerSentEventError)?.description ?? UpstreamClient.classify(error).message
                status = 502
                trace.error = "upstream failed mid-stream: \(reason)"
                let event = OpenAIErrorBody.make(
                    message: "The provider failed after the response began: \(reason).", type: "api_error", code: "upstream_stream_error")
                try? await write(ByteBuffer(bytes: ServerSentEvent(data: event.serializedString()).encoded()))
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
        if relay.upstreamError != nil {
            status = 502
            trace.error = "upstream error event mid-stream"
        }
    }
}
