using Microsoft.Extensions.Options;

namespace Moderation.Storage;

/// <summary>
/// Checks the settings the chosen provider needs, so a bad setting stops the service at start-up with its name.
/// A validator rather than data annotations because which fields are required depends on <see cref="StorageOptions.Provider"/>.
/// </summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add("Storage:Provider must be Sqlite or MongoDb.");
        }

        if (options.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.Sqlite?.Path))
        {
            failures.Add("Storage:Sqlite:Path is required when Storage:Provider is Sqlite.");
        }

        if (options.Provider == StorageProvider.MongoDb)
        {
            if (string.IsNullOrWhiteSpace(options.MongoDb?.ConnectionString))
            {
                failures.Add("Storage:MongoDb:ConnectionString is required when Storage:Provider is MongoDb.");
            }

            if (options.MongoDb is { Database: { } database } && database.Length > 0 && string.IsNullOrWhiteSpace(database))
            {
                failures.Add("Storage:MongoDb:Database must not be blank: leave it unset for a database per service.");
            }

            if (options.MongoDb is { ActivityRetention: var retention } && retention <= TimeSpan.Zero)
            {
                failures.Add("Storage:MongoDb:ActivityRetention must be positive.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
