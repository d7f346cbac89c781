using System.Reflection;

namespace Interop.Sync;

/// <summary>The adapter's version, as recorded on the Provenance Device and in run reports.</summary>
internal static class AdapterVersion
{
    public static string Current { get; } =
        typeof(AdapterVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AdapterVersion).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";
}
