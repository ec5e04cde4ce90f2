namespace Moderation.ServiceDefaults.Docs;

/// <summary>Section <c>ApiDocs</c>: the browsable API reference at <c>/docs</c>.</summary>
public sealed class ApiDocsOptions
{
    public const string Section = "ApiDocs";

    /// <summary>Serve <c>/docs</c>. Default: on in Development, off elsewhere (set <c>ApiDocs:Enabled=true</c> to serve it in Production).</summary>
    public bool? Enabled { get; set; }
}
