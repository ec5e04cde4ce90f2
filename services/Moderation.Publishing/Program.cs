using Moderation.ServiceDefaults;
using Moderation.ServiceDefaults.Messaging;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage;

namespace Moderation.Publishing;

public static class Program
{
    public static Task<int> Main(string[] args) => ServiceRunner.RunAsync(args, Build);

    /// <summary>The whole service, configured from <paramref name="args"/> and the usual sources; tests start it too.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddModerationStorage(StoreOwner.Publishing);
        builder.AddSiteApi();
        builder.AddModerationMessaging(bus => bus.AddPublishingConsumers());

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.UseSiteApi();
        app.MapPublishing();
        return app;
    }
}
