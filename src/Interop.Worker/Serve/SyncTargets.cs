using Interop.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace Interop.Worker.Serve;

/// <summary>What <c>serve</c> syncs: every configured EHR by name, or the NDJSON folder <c>Interop:Source</c> as <c>file</c> when none is.</summary>
internal sealed record SyncTargets(IReadOnlyList<string> Names)
{
    /// <summary>The target name of the NDJSON folder (also the run history's EHR name in file mode).</summary>
    public const string File = "file";

    public static SyncTargets From(IReadOnlyList<string> configuredEhrs) =>
        new(configuredEhrs.Count == 0 ? [File] : [.. configuredEhrs]);

    public static SyncTargets FromConfiguration(IConfiguration configuration) =>
        From(EhrConfiguration.ConfiguredNames(configuration));

    public static bool IsFile(string target) => string.Equals(target, File, StringComparison.Ordinal);

    /// <summary>The configured spelling of <paramref name="name"/> (EHR names are matched ignoring case), or null.</summary>
    public string? Find(string name) => Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}
