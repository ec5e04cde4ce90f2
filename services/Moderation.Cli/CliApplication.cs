using System.CommandLine;
using Moderation.Cli.Commands;

namespace Moderation.Cli;

/// <summary>
/// The <c>moderation</c> command line. Each command lives in its own file under Commands/ and is added here with one
/// line; <see cref="Run"/> takes the writers so tests can run a command in-process.
/// </summary>
public static class CliApplication
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Moderation: classify comments, evaluate and check rulesets.");
        root.Subcommands.Add(ClassifyCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(Users.UsersCommand.Create());

        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
