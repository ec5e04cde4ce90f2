using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Rules.Hosting;

namespace Moderation.Rules;

public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ModerationEngine"/> and an <see cref="IRuleSetProvider"/> reading section <c>Rules</c>:
    /// the embedded default pack plus the files of <c>Rules:Directory</c>, reloaded when they change.
    /// </summary>
    public static IServiceCollection AddModerationRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RulesOptions>()
            .Bind(configuration.GetSection(RulesOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ModerationEngine>();
        services.TryAddSingleton<IRuleSetProvider>(provider => new FileRuleSetProvider(
            provider.GetRequiredService<IOptions<RulesOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<FileRuleSetProvider>>() ?? NullLogger<FileRuleSetProvider>.Instance));
        return services;
    }
}
