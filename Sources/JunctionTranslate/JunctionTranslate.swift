/// # JunctionTranslate
///
/// The canonical conversation and one codec per API format. A client body is decoded by its format's
/// codec into a ``CanonicalRequest`` and encoded for the provider by the provider format's codec; the
/// answer travels back through ``CanonicalResponse`` or, streamed, through ``CanonicalStreamEvent``s
/// (see ``StreamTranscoder``). Four formats need four codecs, not twelve translators.
///
/// Decisions worth knowing:
/// - **Signatures go home only.** A reasoning signature (Anthropic `signature`, Responses
///   `encrypted_content`) is sent back only to a provider of the format that wrote it; a client of another
///   format sees it wrapped as `junction.<format>.<signature>` and returns it that way. A Gemini function
///   call's `thoughtSignature` rides inside the tool call id (``SignatureCarrier``).
/// - **Reasoning effort ↔ budget:** minimal 1024, low 4096, medium 8192, high 16384, xhigh 32768 tokens;
///   budgets map back by band (≤1024 minimal, ≤4096 low, ≤12288 medium, above high).
/// - **Anthropic thinking constraints are honoured, not violated:** the budget stays below `max_tokens`,
///   `temperature`/`top_k` are dropped while thinking, and thinking is switched off for a tool-loop turn
///   whose last assistant tool call has no signed thinking to lead it (the API would reject it).
/// - **Images to Gemini must be inline:** an image URL fails with a ``TranslationError`` rather than being
///   fetched.
/// - **Stateful Responses features** (`previous_response_id`) are refused for other targets.
/// - **A stream that ends without its terminal event is an error**, never a silent success.
enum JunctionTranslateOverview {}
