using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Configuration;

/// <summary>
/// The configuration checked before any work: a top-level section that no part of the adapter reads is an error in the
/// sources that are ours (appsettings.json, <c>INTEROP_</c> environment variables, settings given by a caller), and so is
/// a setting that no options class has, named by its full path. The host's own sources (DOTNET_* and ASPNETCORE_*
/// variables, its content root) are not ours to judge.
/// </summary>
internal sealed class ConfigurationCheck(IConfigurationManager configuration, IReadOnlyList<IConfigurationSource> ours)
{
    /// <summary>The prefix of environment variables that are certainly settings of the adapter (<c>INTEROP_Schedule__Cron</c>; a name without <c>__</c>, such as <c>INTEROP_NODE</c>, is no setting).</summary>
    public const string EnvironmentPrefix = "INTEROP_";

    /// <summary>One message per problem, naming the section or setting.</summary>
    public IReadOnlyList<string> Problems()
    {
        // Our sources on their own, so that a key from another source can neither trip nor hide an unknown section.
        using var own = new ConfigurationRoot([.. ours.Select(s => s.Build(configuration))]);
        var problems = own.GetChildren()
            .Select(c => c.Key)
            .Where(k => !KnownSections.IsKnown(k))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .Select(k => $"'{k}' is not a known configuration section (known: {KnownSections.List()})")
            .ToList();
        problems.AddRange(UnknownSettings.Find(configuration));
        return problems;
    }

    /// <exception cref="OptionsValidationException">Unknown sections or settings; one failure each.</exception>
    public void ThrowIfInvalid()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException("configuration", typeof(IConfiguration), problems);
        }
    }
}
