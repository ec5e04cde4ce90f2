using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Moderation.Rules.Benchmarks;

/// <summary>Few iterations and memory figures: the whole suite runs in a few minutes on a shared two-core machine.</summary>
internal sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
