using System.Text.RegularExpressions;

namespace Moderation.ServiceDefaults.Sites;

/// <summary>The shape of site and article ids: <c>[A-Za-z0-9._:-]{1,128}</c>.</summary>
public static partial class SiteIds
{
    public const string Shape = "[A-Za-z0-9._:-]{1,128}";

    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
