namespace Moderation.Rules.Tests;

/// <summary>Finds the repository and the shared eval sets beside it, when they are there.</summary>
internal static class EvalFolder
{
    public static string? Repository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Moderation.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    public static string? Find()
    {
        var repository = Repository();
        if (repository is null)
        {
            return null;
        }

        var eval = Path.GetFullPath(Path.Combine(repository, "../shared/eval"));
        return Directory.Exists(eval) ? eval : null;
    }
}
