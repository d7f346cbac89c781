using System.CommandLine;

namespace Interop.Worker.Cli;

/// <summary>The <c>sync</c> verb's options (README.md, "Command line").</summary>
internal sealed class SyncCommand : Command
{
    public SyncCommand()
        : base("sync", "Read the source, evaluate every screened patient and write the outcomes.")
    {
        Options.Add(Once);
        Options.Add(Source);
        Options.Add(Out);
        Options.Add(AsOf);
        Options.Add(SiteMap);
        Options.Add(DryRun);
    }

    public Option<bool> Once { get; } = new("--once") { Description = "Run one sync, then exit." };

    public Option<string?> Source { get; } = new("--source")
    {
        Description = "An NDJSON folder (every *.ndjson in it). Default: Interop:Source in appsettings.json.",
    };

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Output folder for Observation.ndjson, Provenance.ndjson and run-report.json. Default: Interop:OutputFolder.",
    };

    public Option<string?> AsOf { get; } = new("--as-of")
    {
        Description = "Evaluate as of this ISO 8601 date (the end of that day in the site's zone) or instant. Default: now.",
    };

    public Option<string[]> SiteMap { get; } = new("--site-map")
    {
        Description = "A site terminology ConceptMap (JSON); repeatable. Replaces Interop:SiteMaps when given.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Evaluate and report; write nothing." };
}
