namespace Moderation.ServiceDefaults.Messaging;

/// <summary>
/// A message that can never be processed (missing or malformed fields). Not retried: it goes straight to the
/// consumer's <c>_error</c> queue, where it stays visible and can be replayed once fixed.
/// </summary>
public sealed class MessageValidationException(string message) : Exception(message);
