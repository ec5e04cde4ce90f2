using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
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
        try
        {
            await app.RunAsync();
        }
        catch (OptionsValidationException invalid)
        {
            // A setting is missing or wrong (the host has logged it): one clear line and a non-zero exit, not a crash.
            await Console.Error.WriteLineAsync($"Cannot start: {string.Join(" ", invalid.Failures)}");
            return 2;
        }

        return 0;
    }
}
