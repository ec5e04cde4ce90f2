using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Sites;

namespace Moderation.Host;

/// <summary>Tells whoever just ran the host where it listens and which site key to try.</summary>
public static class WelcomeBanner
{
    public static void PrintWelcomeOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            Console.WriteLine($"Moderation is running at {urls}");
            if (app.Environment.IsDevelopment())
            {
                foreach (var (siteId, site) in app.Services.GetRequiredService<IOptions<SitesOptions>>().Value)
                {
                    Console.WriteLine($"  site '{siteId}' with API key '{site.ApiKeys.FirstOrDefault()}'");
                }
            }
        });
}
