using Moderation.Load;

try
{
    return await LoadRun.RunAsync(LoadOptions.Parse(args), CancellationToken.None);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
