using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Interop.Worker.Configuration;

/// <summary>
/// The environment variables that are settings of the adapter, never the rest of the process's environment (PATH,
/// DOTNET_*, a secret a setting names): a variable is a setting when it names a section and a key (<c>__</c> between
/// them) and either its section is a known one (<c>Interop__SiteTimeZone</c>) or it carries our prefix
/// (<c>INTEROP_Schedule__Cron</c>; there an unknown section is an error, as in appsettings.json).
/// </summary>
internal sealed class EnvironmentSettings : IConfigurationSource
{
    private readonly string? _prefix;

    private EnvironmentSettings(string? prefix) => _prefix = prefix;

    /// <summary>Unprefixed variables of a known section; another program's variable cannot be told from a misspelt section, so neither is read.</summary>
    public static EnvironmentSettings OfKnownSections() => new(null);

    /// <summary>Variables with <paramref name="prefix"/> and a section, whatever the section (the prefix says they are ours).</summary>
    public static EnvironmentSettings Prefixed(string prefix) => new(prefix);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(_prefix);

    private sealed class Provider(string? prefix) : EnvironmentVariablesConfigurationProvider(prefix ?? string.Empty)
    {
        public override void Load()
        {
            base.Load();
            Data = Data.Where(kv => IsSetting(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        }

        private bool IsSetting(string key)
        {
            var at = key.IndexOf(ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            return at > 0 && (prefix is not null || KnownSections.IsKnown(key[..at]));
        }
    }
}
