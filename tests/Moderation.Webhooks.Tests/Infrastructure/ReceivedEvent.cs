using System.Text.Json.Nodes;

namespace Moderation.Webhooks.Tests.Infrastructure;

/// <summary>One request the receiver answered 2xx, with its verified body.</summary>
public sealed record ReceivedEvent(Guid Id, string Type, Guid? CommentId, JsonNode Body, string Signature);
