/// Hands a body iterator from the code that peeked at a stream to the code that relays the rest.
///
/// AsyncHTTPClient's body iterator is not `Sendable`, yet the response body closure that finishes
/// the stream must be. The iterator is used by one task at a time, strictly in sequence: the
/// holdback reads it, returns, and only then does the server run the body closure that reads on.
/// Setting ``iterator`` to `nil` releases it, which cancels the upstream request if unfinished.
final class IteratorBox<Iterator: AsyncIteratorProtocol>: @unchecked Sendable {
    var iterator: Iterator?

    init(_ iterator: Iterator) {
        self.iterator = iterator
    }
}
