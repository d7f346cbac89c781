using System.CommandLine;

namespace Interop.Worker.Cli;

/// <summary>The <c>check</c> verb: the go-live report for an EHR (README.md, "Command line").</summary>
internal sealed class CheckCommand : Command
{
    public CheckCommand()
        : base("check", "Go-live report for an EHR: reachability, FHIR version, authentication, the searches and writes a sync needs.")
    {
        Options.Add(Source);
        Options.Add(Format);
    }

    public Option<string> Source { get; } = new("--source")
    {
        Description = "The EHR's FHIR R4 base URL (a configured Ehrs:<name>:BaseUrl, or a loopback test server).",
        Required = true,
    };

    public Option<string> Format { get; } = new Option<string>("--format")
    {
        Description = "text (one PASS/WARN/FAIL line per check) or json.",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "json");
}
