using System.ComponentModel.DataAnnotations;

namespace Moderation.ServiceDefaults.Sites;

/// <summary>
/// <c>Sites:&lt;id&gt;:Schedule</c>: modes by the clock, in the site's <see cref="TimeZone"/>. Pre-moderate every day from
/// <see cref="PremoderateFrom"/> to <see cref="PremoderateTo"/> (across midnight when From is later, e.g. 22:00 to
/// 07:00), and close an article <see cref="CloseAfterFirstComment"/> after its first comment (e.g. 72:00:00).
/// </summary>
public sealed class ScheduleOptions : IValidatableObject
{
    /// <summary>An IANA (or Windows) time zone id, e.g. <c>Europe/Berlin</c>. Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Local time of day pre-moderation starts; with <see cref="PremoderateTo"/>, or neither.</summary>
    public TimeSpan? PremoderateFrom { get; set; }

    /// <summary>Local time of day pre-moderation ends.</summary>
    public TimeSpan? PremoderateTo { get; set; }

    /// <summary>How long after its first comment an article closes. Default none.</summary>
    public TimeSpan? CloseAfterFirstComment { get; set; }

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Schedule:TimeZone '{TimeZone}' is not a known time zone (e.g. Europe/Berlin).", [nameof(TimeZone)]);
        }

        if (PremoderateFrom.HasValue != PremoderateTo.HasValue)
        {
            yield return new ValidationResult("Schedule: set both PremoderateFrom and PremoderateTo, or neither.", [nameof(PremoderateFrom)]);
        }

        foreach (var (name, time) in new[] { (nameof(PremoderateFrom), PremoderateFrom), (nameof(PremoderateTo), PremoderateTo) })
        {
            if (time is { } t && (t < TimeSpan.Zero || t >= TimeSpan.FromDays(1)))
            {
                yield return new ValidationResult($"Schedule:{name} is a time of day, 00:00 to 23:59.", [name]);
            }
        }

        if (CloseAfterFirstComment is { } close && close <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Schedule:CloseAfterFirstComment must be positive.", [nameof(CloseAfterFirstComment)]);
        }
    }
}
