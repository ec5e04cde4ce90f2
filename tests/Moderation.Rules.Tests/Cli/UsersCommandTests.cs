using Moderation.Cli;
using Moderation.Storage.Review;
using Moderation.Storage;

namespace Moderation.Rules.Tests.Cli;

/// <summary><c>moderation users</c> against a real SQLite file, the password on standard input.</summary>
public sealed class UsersCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var previous = Console.In;
        Console.SetIn(new StringReader(stdin));
        try
        {
            return (CliApplication.Run(args, output, error), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetIn(previous);
        }
    }

    [Fact]
    public async Task Set_password_replaces_the_password_and_ends_every_session_of_the_account()
    {
        using var folder = new TempFolder();
        var path = $"--Storage:Sqlite:Path={Path.Combine(folder.Path, "moderation.db")}";
        Assert.Equal(0, Run("first-password-0001\n", "users", "add", "--username", "ann", "--password-stdin", path).ExitCode);
        await using (var stores = await ModerationStores.OpenSqliteAsync(Path.Combine(folder.Path, "moderation.db")))
        {
            await stores.ModeratorSessions.AddAsync(new ModeratorSession("session-hash", "ann", DateTimeOffset.UtcNow));
        }

        var tooShort = Run("short\n", "users", "set-password", "--username", "ann", "--password-stdin", path);
        var unknown = Run("second-password-0002\n", "users", "set-password", "--username", "nobody", "--password-stdin", path);
        var (exitCode, output, _) = Run("second-password-0002\n", "users", "set-password", "--username", "Ann", "--password-stdin", path);

        Assert.Equal(2, tooShort.ExitCode);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal(0, exitCode);
        Assert.Contains("ended 1 session", output);
        await using var after = await ModerationStores.OpenSqliteAsync(Path.Combine(folder.Path, "moderation.db"));
        var account = await after.ModeratorAccounts.GetAsync("ann");
        Assert.True(ModeratorPasswords.Verify(account!, "second-password-0002"));
        Assert.False(ModeratorPasswords.Verify(account!, "first-password-0001"));
        Assert.True((await after.ModeratorSessions.FindAsync("session-hash"))!.Revoked);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
