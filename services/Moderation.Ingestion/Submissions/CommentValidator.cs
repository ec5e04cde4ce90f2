using System.Globalization;
using System.Text;
using Moderation.Contracts;
using Moderation.ServiceDefaults.Sites;

namespace Moderation.Ingestion.Submissions;

/// <summary>Checks a submission field by field; every problem is reported under the field's JSON path.</summary>
public static class CommentValidator
{
    public const int MaxAuthorIdLength = 128;
    public const int MaxAuthorNameLength = 80;
    public const int MaxBodyLength = 10_000;
    public const int MaxArticleTitleLength = 300;
    public const int MaxArticleUrlLength = 2_000;

    public static (ValidComment? Comment, Dictionary<string, string[]> Errors) Validate(
        string siteId, string articleId, SubmitCommentRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (!SiteIds.IsValid(articleId))
        {
            Fail("articleId", $"An article id must match {SiteIds.Shape}.");
        }

        if (request is null)
        {
            Fail("body", "The request body must be a JSON object.");
            return (null, errors);
        }

        var authorId = CheckText(request.Author?.Id, "author.id", MaxAuthorIdLength, allowNewlines: false, Fail);
        var authorName = CheckText(request.Author?.Name, "author.name", MaxAuthorNameLength, allowNewlines: false, Fail);
        var body = CheckText(request.Body, "body", MaxBodyLength, allowNewlines: true, Fail);

        Guid? parentId = null;
        if (request.ParentId is not null)
        {
            if (Guid.TryParse(request.ParentId, out var parsed))
            {
                parentId = parsed;
            }
            else
            {
                Fail("parentId", "parentId must be null or the id of a comment.");
            }
        }

        var signals = request.AuthorSignals;
        if (signals?.AccountAgeDays < 0)
        {
            Fail("authorSignals.accountAgeDays", "accountAgeDays cannot be negative.");
        }

        if (signals?.ApprovedComments < 0)
        {
            Fail("authorSignals.approvedComments", "approvedComments cannot be negative.");
        }

        if (request.Section is not null && !SiteIds.IsValid(request.Section))
        {
            Fail("section", $"A section must match {SiteIds.Shape}, or be left out.");
        }

        var (article, section) = CheckArticle(request.Article, request.Section, Fail);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ValidComment(
            siteId,
            articleId,
            new CommentAuthor(authorId!, authorName!),
            body!,
            parentId,
            signals is null ? null : new AuthorSignals(signals.AccountAgeDays, signals.ApprovedComments),
            section,
            article), errors);
    }

    /// <summary>
    /// The article's title (a line of text) and url (absolute http or https), each optional: a blank one counts as not
    /// sent. Its section is the request's <c>section</c> by another name, so the two must agree when both are sent.
    /// </summary>
    private static (ArticleContext? Article, string? Section) CheckArticle(
        SubmitArticle? article, string? section, Action<string, string> fail)
    {
        if (article is null)
        {
            return (null, section);
        }

        var title = string.IsNullOrWhiteSpace(article.Title)
            ? null
            : CheckText(article.Title, "article.title", MaxArticleTitleLength, allowNewlines: false, fail)?.Trim();
        string? url = null;
        if (!string.IsNullOrWhiteSpace(article.Url))
        {
            var trimmed = article.Url.Trim();
            if (trimmed.Length > MaxArticleUrlLength
                || !Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed)
                || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
                || trimmed.Any(char.IsControl) || trimmed.Any(char.IsWhiteSpace))
            {
                fail("article.url", $"article.url must be an absolute http or https URL of at most {MaxArticleUrlLength.ToString(CultureInfo.InvariantCulture)} characters.");
            }
            else
            {
                url = trimmed;
            }
        }

        if (article.Section is not null)
        {
            if (!SiteIds.IsValid(article.Section))
            {
                fail("article.section", $"A section must match {SiteIds.Shape}, or be left out.");
            }
            else if (section is not null && section != article.Section)
            {
                fail("article.section", "article.section and section name the same thing: send one, or the same value in both.");
            }
        }

        return (title is null && url is null ? null : new ArticleContext(title, url), section ?? article.Section);
    }

    /// <summary>
    /// NFC-normalises <paramref name="value"/> and checks its length after trimming, counted in Unicode characters.
    /// Control characters are refused, except tab and newlines (LF, CRLF) where <paramref name="allowNewlines"/>.
    /// </summary>
    private static string? CheckText(string? value, string field, int maxLength, bool allowNewlines, Action<string, string> fail)
    {
        if (value is null)
        {
            fail(field, $"{field} is required.");
            return null;
        }

        if (!IsWellFormedUtf16(value))
        {
            fail(field, $"{field} contains an unpaired surrogate.");
            return null;
        }

        var normalized = value.Normalize(NormalizationForm.FormC);
        var length = 0;
        foreach (var _ in normalized.AsSpan().Trim().EnumerateRunes())
        {
            length++;
        }

        if (length == 0 || length > maxLength)
        {
            fail(field, $"{field} must be 1 to {maxLength.ToString(CultureInfo.InvariantCulture)} characters after trimming.");
            return null;
        }

        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            var allowed = !char.IsControl(c)
                || (allowNewlines && (c == '\n' || c == '\t' || (c == '\r' && i + 1 < normalized.Length && normalized[i + 1] == '\n')));
            if (!allowed)
            {
                fail(field, $"{field} contains the control character U+{(int)c:X4} at index {i.ToString(CultureInfo.InvariantCulture)}.");
                return null;
            }
        }

        return normalized;
    }

    private static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
