using Microsoft.Extensions.Options;

namespace Moderation.Review.Sites;

/// <summary>Binds each configured site's <c>Review</c> section and validates it at start.</summary>
public static class ReviewSitesRegistration
{
    public static IServiceCollection AddReviewSites(this IServiceCollection services)
    {
        services.AddOptions<ReviewSitesOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                foreach (var site in configuration.GetSection("Sites").GetChildren())
                {
                    options[site.Key] = site.GetSection("Review").Get<SiteReviewOptions>() ?? new SiteReviewOptions();
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReviewSitesOptions>, ReviewSitesOptionsValidator>();
        services.AddSingleton<SiteReviewSettings>();
        return services;
    }
}
