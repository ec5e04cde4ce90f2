namespace Moderation.Rules.Rules;

/// <summary>
/// Fires on links: every link to a denied domain or (with <see cref="Shorteners"/>) a URL shortener, and every
/// link past the first <see cref="MaxLinks"/>. Links to allowed domains never count.
/// </summary>
public sealed class LinkRule : Rule
{
    // t.co is left out: Twitter wraps every link in it, so it says nothing about where a link goes.
    public static readonly IReadOnlyList<string> KnownShorteners =
    [
        "bit.ly", "goo.gl", "tinyurl.com", "ow.ly", "is.gd", "buff.ly", "adf.ly", "bit.do", "cutt.ly",
        "shorturl.at", "rebrand.ly", "tiny.cc", "rb.gy", "soo.gd", "s.id", "v.gd", "lnkd.in", "t.ly", "shorte.st",
    ];

    public int MaxLinks { get; init; }

    public IReadOnlyList<string> AllowedDomains { get; init; } = [];

    public IReadOnlyList<string> DeniedDomains { get; init; } = [];

    public bool Shorteners { get; init; }

    public override string Kind => "links";

    internal override void Evaluate(EvaluationContext context, HitCollector hits)
    {
        var counted = 0;
        foreach (var (start, length, host) in context.Links)
        {
            if (AllowedDomains.Any(domain => LinkFinder.IsWithin(host, domain)))
            {
                continue;
            }

            counted++;
            var denied = DeniedDomains.Any(domain => LinkFinder.IsWithin(host, domain))
                || Shorteners && KnownShorteners.Any(domain => LinkFinder.IsWithin(host, domain));
            if (denied || counted > MaxLinks)
            {
                hits.Add(this, context.Original, start, length);
            }
        }
    }
}
