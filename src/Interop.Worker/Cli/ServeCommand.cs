using System.CommandLine;

namespace Interop.Worker.Cli;

/// <summary>The <c>serve</c> verb: the scheduled sync with the trial-status API, CDS Hooks and health endpoints.</summary>
internal sealed class ServeCommand : Command
{
    public ServeCommand()
        : base("serve", "Run unattended: sync each EHR (or the NDJSON source) on its cron schedule, and answer the trial-status API (Api:Urls, default http://127.0.0.1:5080), CDS Hooks and /health. Prints the address it listens on. Stops on Ctrl+C or SIGTERM after the current patient's write. Exit 0 after a stop, 2 bad configuration (a certificate among it), 1 port in use or state store unreachable.")
    {
    }
}
