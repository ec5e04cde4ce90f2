using Moderation.ServiceDefaults;
using Moderation.ServiceDefaults.Messaging;
using Moderation.ServiceDefaults.Sites;

namespace Moderation.Webhooks;

public static class Program
{
    public static Task<int> Main(string[] args) => ServiceRunner.RunAsync(args, Build);

    /// <summary>The whole service, configured from <paramref name="args"/> and the usual sources; tests start it too.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddSiteApi();
        builder.AddWebhooks();
        builder.AddModerationMessaging(bus => bus.AddWebhookConsumers());

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.UseSiteApi();
        app.MapWebhooks();
        return app;
    }
}
