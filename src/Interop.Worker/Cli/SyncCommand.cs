using System.CommandLine;

namespace Interop.Worker.Cli;

/// <summary>The <c>sync</c> verb's options (README.md, "Command line").</summary>
internal sealed class SyncCommand : Command
{
    public SyncCommand()
        : base("sync", "Read the source, evaluate every screened patient and write the outcomes. Exit 0 all processed, 3 some input quarantined or a patient failed, 4 nothing to evaluate, 2 bad usage or configuration, 1 anything else (README.md, \"Exit codes\").")
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
        Description = "A Bulk Data export folder (every *.ndjson and *.ndjson.gz in it), or an EHR's FHIR R4 base URL (https://...) for a live sync. Default: Interop:Source in appsettings.json.",
    };

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Output folder for Observation.ndjson, Provenance.ndjson, ResearchSubject.ndjson and run-report.json (a live sync: run-report.json only). Default: Interop:OutputFolder.",
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
