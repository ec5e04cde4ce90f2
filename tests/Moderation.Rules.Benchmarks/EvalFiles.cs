using System.Text.Json;

namespace Moderation.Rules.Benchmarks;

/// <summary>Reads the texts of the shared eval files (never copied into the repository).</summary>
internal static class EvalFiles
{
    public static string Folder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Moderation.sln")))
            {
                return Path.GetFullPath(Path.Combine(folder.FullName, "../shared/eval"));
            }
        }

        return Path.GetFullPath("../shared/eval");
    }

    public static string[] Texts(string name)
    {
        var file = Path.Combine(Folder(), name + ".jsonl");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"Eval file not found: {file}. Run from the repository with ../shared/eval beside it.");
        }

        return [.. File.ReadLines(file).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)];
    }
}
