using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Interop.Sync.Progress;

/// <summary>Chooses how a sync shows its progress: a status line on a terminal, log lines otherwise.</summary>
internal static class RunProgressServices
{
    /// <summary>Log lines: the default of every host (the service's log has no terminal to draw on).</summary>
    public static void AddLogged(IServiceCollection services) =>
        services.TryAddTransient<IRunProgress>(sp => new LogRunProgress(sp.GetRequiredService<ILogger<LogRunProgress>>(), sp.GetRequiredService<TimeProvider>()));

    /// <summary>One-shot verbs: the status line when stderr is a terminal that can erase a line, else log lines.</summary>
    public static void AddForConsole(IServiceCollection services)
    {
        if (Console.IsErrorRedirected || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal))
        {
            AddLogged(services);
            return;
        }

        services.AddTransient<IRunProgress>(sp => new TerminalRunProgress(Console.Error, sp.GetRequiredService<TimeProvider>()));
    }
}
