/// The names of the series Junction exports, one place for the gateway, the server and the tests.
public enum MetricName {
    /// Counter `{route,provider,model,status}`: finished requests.
    public static let requests = "junction_requests_total"
    /// Histogram `{route,provider}`: whole request time, seconds.
    public static let requestDuration = "junction_request_duration_seconds"
    /// Histogram `{provider,model}`: time until the first content reached the client, seconds.
    public static let timeToFirstToken = "junction_time_to_first_token_seconds"
    /// Counter `{provider,model,kind}` where kind is `input`, `output` or `cached`.
    public static let tokens = "junction_tokens_total"
    /// Counter `{provider,model}`: cost at catalog prices, US dollars.
    public static let cost = "junction_cost_usd_total"
    /// Counter `{route}`: attempts beyond the first.
    public static let fallbacks = "junction_fallbacks_total"
    /// Counter: estimated tokens the saver removed from requests.
    public static let saverTokensSaved = "junction_saver_tokens_saved_total"
    /// Counter: bytes the saver removed from requests.
    public static let saverBytesSaved = "junction_saver_bytes_saved_total"
    /// Gauge `{provider,account,model,state}`: 1 for the account's current state, 0 for states it had before.
    public static let accountState = "junction_account_state"
    /// Gauge: usage records waiting to be written.
    public static let ledgerQueueDepth = "junction_ledger_queue_depth"
    /// Counter: usage records dropped because the ledger queue was full.
    public static let ledgerDropped = "junction_ledger_dropped_total"
}
