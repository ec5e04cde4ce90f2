using System.ComponentModel.DataAnnotations;

namespace Moderation.Rules.Hosting;

/// <summary>Settings of section <c>Rules</c>.</summary>
public sealed class RulesOptions : IValidatableObject
{
    public const string SectionName = "Rules";

    /// <summary>
    /// Folder of YAML rulesets (<c>default.yaml</c>, <c>sites/{siteId}.yaml</c>). Unset: only the embedded default
    /// pack is used.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>How often the folder is re-read in case a file-system event was missed. Default 2 s, so a change is live within 5 s.</summary>
    [Range(1, 3600)]
    public int PollIntervalSeconds { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Directory) && !System.IO.Directory.Exists(Directory))
        {
            yield return new ValidationResult(
                $"Rules:Directory '{Directory}' does not exist.", [nameof(Directory)]);
        }
    }
}
