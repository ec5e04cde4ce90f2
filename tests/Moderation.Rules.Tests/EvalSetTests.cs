using Moderation.Contracts;
using Moderation.Rules.RuleSets;

namespace Moderation.Rules.Tests;

/// <summary>Runs the default pack over the shared eval sets when they are there (read only, never copied).</summary>
public sealed class EvalSetTests
{
    private static string? EvalFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Moderation.sln")))
            {
                var eval = Path.GetFullPath(Path.Combine(folder.FullName, "../shared/eval"));
                return Directory.Exists(eval) ? eval : null;
            }
        }

        return null;
    }

    [SkippableFact]
    public void Obfuscated_profanity_rejects_are_precise()
    {
        var folder = EvalFolder();
        Skip.If(folder is null, "../shared/eval is not next to the repository");
        var file = Path.Combine(folder, "obfuscated-profanity.jsonl");
        Skip.IfNot(File.Exists(file), "obfuscated-profanity.jsonl is missing");

        var engine = new ModerationEngine();
        int rejects = 0, wrongRejects = 0;
        foreach (var line in File.ReadLines(file))
        {
            using var row = System.Text.Json.JsonDocument.Parse(line);
            var text = row.RootElement.GetProperty("text").GetString()!;
            var label = row.RootElement.GetProperty("label").GetInt32();
            if (engine.Decide(TestRuleSets.Comment(text), RuleSetLoader.Default, []).Outcome == DecisionOutcome.Reject)
            {
                rejects++;
                wrongRejects += label == 0 ? 1 : 0;
            }
        }

        Assert.True(rejects == 0 || (double)(rejects - wrongRejects) / rejects >= 0.97, $"{wrongRejects} of {rejects} rejects were wrong");
    }
}
