using Moderation.ServiceDefaults;
using Moderation.ServiceDefaults.Health;
using Moderation.ServiceDefaults.Messaging;
using Moderation.Storage;

namespace Moderation.Review;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (HealthCheckCommand.IsRequested(args))
        {
            return await HealthCheckCommand.RunAsync();
        }

        await using var app = Build(args);
        await app.RunAsync();
        return 0;
    }

    /// <summary>The whole service, configured from <paramref name="args"/> and the usual sources; tests start it too.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddModerationStorage();
        builder.AddReview();
        builder.AddModerationMessaging(bus => bus.AddReviewConsumers());

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.UseReview();
        app.MapReview();
        return app;
    }
}
