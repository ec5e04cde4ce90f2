using Microsoft.AspNetCore.Builder;
using Moderation.ServiceDefaults.Health;

namespace Moderation.ServiceDefaults;

/// <summary>What every service's <c>Main</c> does: answer <c>--health-check</c>, or build the app and run it.</summary>
public static class ServiceRunner
{
    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> build)
    {
        if (HealthCheckCommand.IsRequested(args))
        {
            return await HealthCheckCommand.RunAsync();
        }

        await using var app = build(args);
        await app.RunAsync();
        return 0;
    }
}
