using BenchmarkDotNet.Running;
using Moderation.Rules.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(EvalFileBenchmarks).Assembly).Run(args, new ShortRunConfig());
