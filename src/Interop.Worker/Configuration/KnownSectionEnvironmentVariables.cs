using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Interop.Worker.Configuration;

/// <summary>
/// The process's environment variables, but only those whose first segment is a known section (<c>Interop__SiteTimeZone</c>,
/// <c>Api__Keys__cds__Role</c>): PATH, HOME, DOTNET_* and the like are not ours and are not read. A variable that names an
/// unknown section cannot be told from someone else's, so it is ignored; with the <c>INTEROP_</c> prefix it is an error.
/// </summary>
internal sealed class KnownSectionEnvironmentVariables : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider();

    private sealed class Provider : EnvironmentVariablesConfigurationProvider
    {
        public override void Load()
        {
            base.Load();
            Data = Data.Where(kv => KnownSections.IsKnown(FirstSegment(kv.Key)))
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        }

        private static string FirstSegment(string key) =>
            key.IndexOf(ConfigurationPath.KeyDelimiter, StringComparison.Ordinal) is var at and >= 0 ? key[..at] : key;
    }
}
