using System.Text.Json.Nodes;

namespace Moderation.ServiceDefaults.Docs;

/// <summary>
/// The examples the API reference shows, so every route can be tried as it stands: one per request body type and one per
/// route parameter name. A new route with a new body type or parameter adds its example here.
/// </summary>
public static class RequestExamples
{
    public static readonly IReadOnlyDictionary<string, string> Bodies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SubmitCommentRequest"] =
            """{"author": {"id": "u1", "name": "Ann"}, "body": "A clear summary of the talks, thank you.", "parentId": null, "authorSignals": {"accountAgeDays": 400, "approvedComments": 12}}""",
        ["DecisionRequest"] = """{"reason": "spam", "note": "Same link posted on five articles."}""",
        ["SignInRequest"] = """{"username": "chief", "password": "choose-a-long-one"}""",
        ["CreateModeratorRequest"] = """{"username": "sam", "password": "another-long-passphrase", "role": "moderator", "sites": ["demo"]}""",
        ["UpdateModeratorRequest"] = """{"role": "moderator", "sites": ["demo", "sport"], "disabled": false}""",
        ["CreateTokenRequest"] = """{"name": "nightly export"}""",
        ["ChangePasswordRequest"] = """{"currentPassword": "choose-a-long-one", "newPassword": "an-even-longer-passphrase"}""",
        ["ResetPasswordRequest"] = """{"newPassword": "a-temporary-long-passphrase"}""",
    };

    public static readonly IReadOnlyDictionary<string, string> Parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["siteId"] = "\"demo\"",
        ["articleId"] = "\"kremlin-talks\"",
        ["authorId"] = "\"u1\"",
        ["id"] = "\"0198f7c2-5b1e-7c3a-9d2e-4f6a8b0c1d2e\"",
        ["eventId"] = "\"8e1f0c2a-3b4d-8e5f-a6b7-c8d9e0f1a2b3\"",
        ["username"] = "\"sam\"",
        ["limit"] = "50",
        ["offset"] = "0",
        ["order"] = "\"oldest\"",
        ["cursor"] = "\"\"",
        ["Idempotency-Key"] = "\"order-7781-comment-1\"",
        ["from"] = "\"2026-12-01T00:00:00Z\"",
        ["to"] = "\"2027-01-01T00:00:00Z\"",
        ["article"] = "\"kremlin-talks\"",
        ["author"] = "\"u2\"",
        ["category"] = "\"link\"",
        ["site"] = "\"demo\"",
        ["moderator"] = "\"chief\"",

        // A cursor is the "next" value of the previous page; the first page has none.
        ["before"] = "\"\"",
        ["by"] = "\"day\"",
    };

    public static JsonNode? Body(string typeName) => Bodies.TryGetValue(typeName, out var json) ? JsonNode.Parse(json) : null;

    public static JsonNode? Parameter(string name) => Parameters.TryGetValue(name, out var json) ? JsonNode.Parse(json) : null;
}
