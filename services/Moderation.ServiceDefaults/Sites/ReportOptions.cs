using System.ComponentModel.DataAnnotations;

namespace Moderation.ServiceDefaults.Sites;

/// <summary>
/// <c>Sites:&lt;id&gt;:Reports</c>: how many distinct readers must report a published comment before a moderator sees it
/// (it stays published), and before it is hidden until a moderator decides.
/// </summary>
public sealed class ReportOptions : IValidatableObject
{
    public const int DefaultThreshold = 3;
    public const int DefaultHideThreshold = 10;

    /// <summary>Reporters that put a published comment in the review queue's reported view. Default 3.</summary>
    [Range(1, 1_000_000)]
    public int Threshold { get; set; } = DefaultThreshold;

    /// <summary>Reporters that hide a published comment until a moderator decides. Default 10; at least <see cref="Threshold"/>.</summary>
    [Range(1, 1_000_000)]
    public int HideThreshold { get; set; } = DefaultHideThreshold;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HideThreshold < Threshold)
        {
            yield return new ValidationResult(
                $"Reports:HideThreshold ({HideThreshold}) must be at least Reports:Threshold ({Threshold}).",
                [nameof(HideThreshold)]);
        }
    }
}
