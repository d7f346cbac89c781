using System.CommandLine;

namespace Interop.Worker.Report;

/// <summary>The <c>report</c> verb: the cohort report from the state store (issue 4, item 5).</summary>
internal sealed class ReportCommand : Command
{
    public ReportCommand()
        : base("report", "Cohort report: screening, MRD, relapses, deaths, Kaplan-Meier DFS and OS beside Interfant-06.")
    {
        Options.Add(Target);
        Options.Add(AsOf);
        Options.Add(Format);
        Options.Add(Plot);
    }

    public Option<string?> Target { get; } = new("--target")
    {
        Description = "The target to report on: an EHR's configured name, or 'file'. Required when the store holds several (they are never merged).",
    };

    public Option<string?> AsOf { get; } = new("--as-of")
    {
        Description = "Data cut-off, an ISO 8601 date (2026-01-31): later events are censored. Default: the latest recorded run's date.",
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "text (a table beside the Interfant-06 figures) or json (the TrialSummary of /api/v1/trial/summary).",
        DefaultValueFactory = _ => "text",
    };

    public Option<string?> Plot { get; } = new("--plot")
    {
        Description = "Also draw the Kaplan-Meier curves to this file: .png or .svg.",
    };
}
