using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Moderation.Rules.RuleSets;

namespace Moderation.Rules.Hosting;

/// <summary>
/// Serves the ruleset of each site, and of each section of a site, from the embedded default pack and a rules folder,
/// and picks up changed, added and deleted files without a restart: a file-system watcher reacts at once, a periodic re-read (on the injected
/// <see cref="TimeProvider"/>) catches what the watcher misses. A file that does not compile is refused with a log
/// naming file, line and rule, and the last good version of that file stays in force.
/// </summary>
public sealed partial class FileRuleSetProvider : IRuleSetProvider, IDisposable
{
    // Long enough for a writer to finish, short enough that a change is live well within 5 s (settle + poll).
    private static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(1);

    private readonly string? _folder;
    private long _changeGeneration;
    private readonly ILogger<FileRuleSetProvider> _logger;
    private readonly Lock _reloadLock = new();
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer? _pollTimer;
    private readonly ConcurrentDictionary<string, RuleSet> _compiledBySite = new(StringComparer.Ordinal);

    // The last text seen of every file (to notice changes) and the last text that compiled (what is in force).
    private readonly Dictionary<string, string> _seenText = new(StringComparer.Ordinal);
    private RuleSetSource? _folderDefault;
    private Dictionary<string, RuleSetSource> _siteLayers = new(StringComparer.Ordinal);
    // Each section file in force with its compiled ruleset: a reload compiles only the sections whose file, site file
    // or folder default changed, so a site with hundreds of sections does not recompile them all on every change.
    private Dictionary<(string SiteId, string Section), (RuleSetSource Layer, RuleSet RuleSet)> _sections = [];

    // Replaced whole on reload, never changed after: site id, then section in any case.
    private Dictionary<string, Dictionary<string, RuleSet>> _compiledBySection = new(StringComparer.Ordinal);
    private RuleSet _defaultRuleSet;

    public FileRuleSetProvider(RulesOptions options, TimeProvider timeProvider, ILogger<FileRuleSetProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _logger = logger;
        _folder = string.IsNullOrWhiteSpace(options.Directory) ? null : Path.GetFullPath(options.Directory);
        _defaultRuleSet = RuleSetLoader.Default;
        if (_folder is null)
        {
            return;
        }

        lock (_reloadLock)
        {
            // At start there is no earlier version to fall back on, so read files even if they were just written.
            ReloadLocked(_folder, initial: true);
        }

        _watcher = new FileSystemWatcher(_folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        _watcher.Changed += OnFolderChanged;
        _watcher.Created += OnFolderChanged;
        _watcher.Deleted += OnFolderChanged;
        _watcher.Renamed += OnFolderChanged;
        _watcher.EnableRaisingEvents = true;

        var interval = TimeSpan.FromSeconds(options.PollIntervalSeconds);
        _pollTimer = timeProvider.CreateTimer(_ => Reload(), null, interval, interval);
    }

    /// <summary>Raised after a reload changed what is in force; for logs and tests.</summary>
    public event Action? Reloaded;

    public RuleSet ForSite(string siteId, string? section = null)
    {
        if (!string.IsNullOrEmpty(section) && siteId is not null &&
            Volatile.Read(ref _compiledBySection).TryGetValue(siteId, out var sections) &&
            sections.TryGetValue(section, out var sectionRuleSet))
        {
            return sectionRuleSet;
        }

        if (_folder is null || string.IsNullOrEmpty(siteId) || !_siteLayers.ContainsKey(siteId))
        {
            return _defaultRuleSet;
        }

        return _compiledBySite.TryGetValue(siteId, out var ruleSet) ? ruleSet : _defaultRuleSet;
    }

    /// <summary>Re-reads the folder now. Safe to call from any thread; the watcher and the poll timer call it.</summary>
    public void Reload()
    {
        if (_folder is null)
        {
            return;
        }

        lock (_reloadLock)
        {
            try
            {
                ReloadLocked(_folder, initial: false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A file being written is read again on the next event or poll.
                LogReadFailed(exception.Message);
            }
        }
    }

    private void ReloadLocked(string folder, bool initial)
    {
        var changed = false;
        var defaultPath = Path.Combine(folder, RuleSetFolderLayout.DefaultFileName);
        var folderDefault = _folderDefault;
        if (!initial && IsBeingWritten(defaultPath))
        {
            return; // read on the next event or poll, once the writer is done
        }

        var defaultText = File.Exists(defaultPath) ? File.ReadAllText(defaultPath) : null;
        if (defaultText is not null && string.IsNullOrWhiteSpace(defaultText))
        {
            return; // half written, see the site files below
        }

        if (defaultText is null)
        {
            changed |= folderDefault is not null;
            folderDefault = null;
            _seenText.Remove(defaultPath);
        }
        else if (!_seenText.TryGetValue(defaultPath, out var seen) || seen != defaultText)
        {
            _seenText[defaultPath] = defaultText;
            var candidate = new RuleSetSource(defaultPath, defaultText);
            if (TryCompile(Layers(candidate, null), defaultPath) is not null)
            {
                folderDefault = candidate;
                changed = true;
            }
        }

        var sitesFolder = Path.Combine(folder, RuleSetFolderLayout.SitesFolderName);
        var siteFiles = RuleSetFolderLayout.SiteFiles(folder);
        var siteLayers = new Dictionary<string, RuleSetSource>(StringComparer.Ordinal);
        foreach (var file in siteFiles)
        {
            var siteId = RuleSetFolderLayout.SiteIdOf(file);
            var previous = _siteLayers.GetValueOrDefault(siteId);
            if (!initial && IsBeingWritten(file))
            {
                if (previous is not null)
                {
                    siteLayers[siteId] = previous;
                }

                continue;
            }

            var text = File.ReadAllText(file);
            if (string.IsNullOrWhiteSpace(text))
            {
                // An empty file is what a writer leaves between truncating and writing: never take it for new rules
                // (a site clears its overrides with "rules: []").
                if (previous is not null)
                {
                    siteLayers[siteId] = previous;
                }

                continue;
            }

            if (_seenText.TryGetValue(file, out var seen) && seen == text && !changed)
            {
                if (previous is not null)
                {
                    siteLayers[siteId] = previous;
                }

                continue;
            }

            _seenText[file] = text;
            var candidate = new RuleSetSource(file, text);
            if (TryCompile(Layers(folderDefault, candidate), file) is not null)
            {
                siteLayers[siteId] = candidate;
                changed |= previous is null || previous.Text != text;
            }
            else if (previous is not null)
            {
                siteLayers[siteId] = previous;
            }
        }

        foreach (var gone in _siteLayers.Keys.Where(site => !siteLayers.ContainsKey(site)))
        {
            changed = true;
            _seenText.Remove(Path.Combine(sitesFolder, gone + ".yaml"));
        }

        var sectionLayers = ReadSectionsLocked(folder, initial, folderDefault, siteLayers, ref changed);

        if (!changed)
        {
            return;
        }

        var compiled = new Dictionary<string, RuleSet>(StringComparer.Ordinal);
        foreach (var (siteId, layer) in siteLayers)
        {
            if (TryCompile(Layers(folderDefault, layer), layer.Name) is { } ruleSet)
            {
                compiled[siteId] = ruleSet;
            }
        }

        var compiledSections = new Dictionary<string, Dictionary<string, RuleSet>>(StringComparer.Ordinal);
        foreach (var ((siteId, section), (_, ruleSet)) in sectionLayers)
        {
            if (!compiledSections.TryGetValue(siteId, out var sections))
            {
                compiledSections[siteId] = sections = new Dictionary<string, RuleSet>(StringComparer.OrdinalIgnoreCase);
            }

            sections.TryAdd(section, ruleSet);
        }

        var defaultRuleSet = TryCompile(Layers(folderDefault, null), defaultPath) ?? _defaultRuleSet;

        // Publish: readers see either the old or the new state of a site, never a half-built one.
        _folderDefault = folderDefault;
        _defaultRuleSet = defaultRuleSet;
        foreach (var (siteId, ruleSet) in compiled)
        {
            _compiledBySite[siteId] = ruleSet;
        }

        _siteLayers = siteLayers;
        foreach (var site in _compiledBySite.Keys.Where(site => !siteLayers.ContainsKey(site)))
        {
            _compiledBySite.TryRemove(site, out _);
        }

        _sections = sectionLayers;
        Volatile.Write(ref _compiledBySection, compiledSections);

        LogReloaded(siteLayers.Count, sectionLayers.Count, defaultRuleSet.Version);
        Reloaded?.Invoke();
    }

    /// <summary>
    /// Reads <c>sites/{siteId}/sections/*.yaml</c> as the site files are read: each compiles over the folder's default
    /// and its site's file (when the site has one), a file that does not compile keeps its last good version, and a
    /// removed file is dropped. Only a section whose file, site file or folder default changed is compiled again; the
    /// site files and the default of this reload must be final when this runs.
    /// </summary>
    private Dictionary<(string SiteId, string Section), (RuleSetSource Layer, RuleSet RuleSet)> ReadSectionsLocked(
        string folder,
        bool initial,
        RuleSetSource? folderDefault,
        Dictionary<string, RuleSetSource> siteLayers,
        ref bool changed)
    {
        var sections = new Dictionary<(string SiteId, string Section), (RuleSetSource Layer, RuleSet RuleSet)>();
        foreach (var file in RuleSetFolderLayout.SectionFiles(folder))
        {
            var key = RuleSetFolderLayout.SectionOf(file);
            if (sections.ContainsKey(key))
            {
                continue; // the same section named in another case: the first file in name order counts
            }

            bool hasPrevious = _sections.TryGetValue(key, out var previous);
            var siteLayer = siteLayers.GetValueOrDefault(key.SiteId);
            var basesUnchanged = ReferenceEquals(folderDefault, _folderDefault) &&
                ReferenceEquals(siteLayer, _siteLayers.GetValueOrDefault(key.SiteId));
            var text = !initial && IsBeingWritten(file) ? null : File.ReadAllText(file);
            if (text is null || string.IsNullOrWhiteSpace(text))
            {
                // Being written or half written: the version in force stays, compiled again if what lies under it changed.
                if (hasPrevious)
                {
                    var kept = basesUnchanged ? previous.RuleSet : TryCompile(Layers(folderDefault, siteLayer, previous.Layer), file);
                    if (kept is not null)
                    {
                        sections[key] = (previous.Layer, kept);
                        changed |= !ReferenceEquals(kept, previous.RuleSet);
                    }
                }

                continue;
            }

            if (basesUnchanged && _seenText.TryGetValue(file, out var seen) && seen == text)
            {
                // Nothing it depends on changed, or it is a refused file already logged: what is in force stays.
                if (hasPrevious)
                {
                    sections[key] = previous;
                }

                continue;
            }

            _seenText[file] = text;
            var candidate = hasPrevious && previous.Layer.Text == text ? previous.Layer : new RuleSetSource(file, text);
            var compiled = TryCompile(Layers(folderDefault, siteLayer, candidate), file);
            if (compiled is null && hasPrevious && !ReferenceEquals(candidate, previous.Layer))
            {
                // Refused: the last good text stays, over what lies under it now.
                candidate = previous.Layer;
                compiled = basesUnchanged ? previous.RuleSet : TryCompile(Layers(folderDefault, siteLayer, candidate), file);
            }

            if (compiled is not null)
            {
                sections[key] = (candidate, compiled);
                changed |= !hasPrevious || !ReferenceEquals(compiled, previous.RuleSet);
            }
        }

        foreach (var gone in _sections.Where(entry => !sections.ContainsKey(entry.Key)).Select(entry => entry.Value.Layer))
        {
            changed = true;
            _seenText.Remove(gone.Name);
        }

        return sections;
    }

    /// <summary>
    /// A file modified within the settle delay may be half written (editors truncate first). File times are wall-clock
    /// times, so this compares with the system clock rather than the injected one.
    /// </summary>
    private static bool IsBeingWritten(string path) =>
        File.Exists(path) && DateTime.UtcNow - File.GetLastWriteTimeUtc(path) < SettleDelay;

    private static List<RuleSetSource> Layers(RuleSetSource? folderDefault, RuleSetSource? site, RuleSetSource? section = null)
    {
        var layers = new List<RuleSetSource> { RuleSetLoader.EmbeddedDefaultSource };
        if (folderDefault is not null)
        {
            layers.Add(folderDefault);
        }

        if (site is not null)
        {
            layers.Add(site);
        }

        if (section is not null)
        {
            layers.Add(section);
        }

        return layers;
    }

    private RuleSet? TryCompile(List<RuleSetSource> layers, string file)
    {
        try
        {
            return RuleSetLoader.Compile(layers);
        }
        catch (RuleSetException exception)
        {
            foreach (var error in exception.Errors)
            {
                LogRefused(error.File, error.Line, error.Rule ?? "-", error.Message);
            }

            LogKeptLastGood(file);
            return null;
        }
    }

    // Editors and File.WriteAllText truncate before they write: wait for the burst of events to settle, or a
    // half-written (for instance empty, hence valid) file would replace the rules in force.
    private void OnFolderChanged(object sender, FileSystemEventArgs e)
    {
        var generation = Interlocked.Increment(ref _changeGeneration);
        _ = Task.Delay(SettleDelay).ContinueWith(
            _ =>
            {
                if (Volatile.Read(ref _changeGeneration) == generation)
                {
                    Reload();
                }
            },
            TaskScheduler.Default);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _pollTimer?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ruleset refused: {File} line {Line}, rule {Rule}: {Problem}")]
    private partial void LogRefused(string file, int line, string rule, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping the last good ruleset for {File}")]
    private partial void LogKeptLastGood(string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rulesets reloaded: {SiteCount} site files, {SectionCount} section files, default version {Version}")]
    private partial void LogReloaded(int siteCount, int sectionCount, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the rules folder, will retry: {Problem}")]
    private partial void LogReadFailed(string problem);
}
