using System.ComponentModel.DataAnnotations;

namespace Moderation.ServiceDefaults.Sites;

/// <summary>Section <c>Sites</c>: site id to settings, e.g. <c>Sites:demo:ApiKeys:0 = demo-key</c>.</summary>
public sealed class SitesOptions : Dictionary<string, SiteOptions>, IValidatableObject
{
    public const string Section = "Sites";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (siteId, site) in this)
        {
            if (!SiteIds.IsValid(siteId))
            {
                yield return new ValidationResult($"Sites:{siteId}: a site id must match {SiteIds.Shape}.");
            }

            if (site.ApiKeys.Count == 0 || site.ApiKeys.Any(key => string.IsNullOrWhiteSpace(key) || key.Length < 8))
            {
                yield return new ValidationResult($"Sites:{siteId}:ApiKeys needs at least one key of 8 characters or more.");
            }

            var nested = new List<ValidationResult>();
            Validator.TryValidateObject(site.Reports, new ValidationContext(site.Reports), nested, validateAllProperties: true);
            Validator.TryValidateObject(site.Surge, new ValidationContext(site.Surge), nested, validateAllProperties: true);
            foreach (var error in nested.Concat(site.Reports.Validate(validationContext)).Concat(site.Schedule.Validate(validationContext)))
            {
                yield return new ValidationResult($"Sites:{siteId}:{error.ErrorMessage}");
            }
        }

        var keys = this.SelectMany(site => site.Value.ApiKeys).ToList();
        if (keys.Count != keys.Distinct(StringComparer.Ordinal).Count())
        {
            yield return new ValidationResult("Sites: an API key may belong to one site only.");
        }
    }
}
