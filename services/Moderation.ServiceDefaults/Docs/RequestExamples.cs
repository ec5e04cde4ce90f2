using System.Text.Json.Nodes;

namespace Moderation.ServiceDefaults.Docs;

/// <summary>
/// The examples the API reference shows, so every route can be tried as it stands: one per request body type and one per
/// route parameter name. A new body type or parameter should add its example here; until then it shows placeholders
/// (its properties with empty values), so no route is ever without one.
/// </summary>
public static class RequestExamples
{
    public static readonly IReadOnlyDictionary<string, string> Bodies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SubmitCommentRequest"] =
            """{"author": {"id": "u1", "name": "Ann"}, "body": "A clear summary of the talks, thank you.", "parentId": null, "authorSignals": {"accountAgeDays": 400, "approvedComments": 12}, "article": {"title": "Kremlin talks end without a deal", "url": "https://news.example/politics/kremlin-talks", "section": "politics"}}""",
        ["ReportCommentRequest"] = """{"reporterId": "reader-42", "reason": "abuse", "note": "Insults another reader."}""",
        ["SetArticleModeRequest"] = """{"mode": "premoderate"}""",
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
        ["view"] = "\"reported\"",
    };

    /// <summary>The example for a body type: from <see cref="Bodies"/>, else its properties with placeholder values.</summary>
    public static JsonNode? Body(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Bodies.TryGetValue(type.Name, out var json) ? JsonNode.Parse(json) : Placeholder(type, depth: 0);
    }

    private static JsonNode? Placeholder(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return JsonValue.Create("");
        }

        if (type == typeof(bool))
        {
            return JsonValue.Create(false);
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return JsonValue.Create(0);
        }

        if (type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type.IsEnum)
        {
            return JsonValue.Create(type == typeof(Guid) ? Guid.Empty.ToString() : type.IsEnum ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(Enum.GetNames(type)[0]) : "2026-12-03T09:00:00Z");
        }

        if (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return new JsonArray();
        }

        if (depth > 2)
        {
            return null;
        }

        var node = new JsonObject();
        foreach (var property in type.GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            node[System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = Placeholder(property.PropertyType, depth + 1);
        }

        return node;
    }

    public static JsonNode? Parameter(string name) => Parameters.TryGetValue(name, out var json) ? JsonNode.Parse(json) : null;
}
