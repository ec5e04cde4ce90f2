using System.Diagnostics;
using Moderation.Rules.RuleSets;

namespace Moderation.Api.Tests;

/// <summary>The files Ops deploy with are checked without a Docker engine: compose validates, Dockerfiles match their template.</summary>
public sealed class DeploymentFilesTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    [Fact]
    public async Task Docker_compose_file_is_valid()
    {
        var (exitCode, output) = await RunAsync("docker-compose", "-f", "docker-compose.yml", "config", "-q");
        Assert.True(exitCode == 0, $"docker-compose config -q failed: {output}");
    }

    [Fact]
    public async Task Docker_compose_file_is_valid_with_the_Podman_override()
    {
        var (exitCode, output) = await RunAsync(
            "docker-compose", "-f", "docker-compose.yml", "-f", "tools/containers/docker-compose.podman.yml", "config", "-q");
        Assert.True(exitCode == 0, $"docker-compose config -q with tools/containers/docker-compose.podman.yml failed: {output}");
    }

    [Fact]
    public async Task Every_service_Dockerfile_matches_the_template()
    {
        var (exitCode, output) = await RunAsync("bash", "deploy/docker/generate-dockerfiles.sh", "--check");
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void The_example_site_ruleset_is_valid_for_the_engine()
    {
        var example = Path.Combine(RepositoryRoot, "deploy", "rules", "sites", "demo.yaml.example");
        var folder = Directory.CreateTempSubdirectory("moderation-rules-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "sites"));
        File.Copy(example, Path.Combine(folder, "sites", "demo.yaml"));

        var errors = RuleSetLoader.Validate(RuleSetLoader.LayersForPath(folder, "demo"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var ruleSet = RuleSetLoader.LoadPath(folder, "demo");
        Assert.Contains(ruleSet.Rules, rule => rule.Id == "demo.banned-spam");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new Xunit.Sdk.XunitException($"{program} is not installed: tools/test.sh installs it (apt-get install -y docker-compose).");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
    }

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Moderation.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Moderation.sln not found above the test folder.");
    }
}
