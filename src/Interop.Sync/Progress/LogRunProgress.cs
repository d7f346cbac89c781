using Microsoft.Extensions.Logging;

namespace Interop.Sync.Progress;

/// <summary>
/// Progress where there is no terminal (a service, a cron job, a pipe): one log line per phase, and a count of the
/// patients done at most every <see cref="CountInterval"/>, so a long run's log shows it is moving without a line per patient.
/// </summary>
internal sealed partial class LogRunProgress(ILogger<LogRunProgress> logger, TimeProvider time) : IRunProgress
{
    // A minute of a nightly run's log between counts: enough to see it moving, few enough lines to read.
    private static readonly TimeSpan CountInterval = TimeSpan.FromSeconds(30);

    private string _phase = string.Empty;
    private int? _total;
    private int _done;
    private long _countedAt;

    public void Phase(string name, int? total = null)
    {
        _phase = name;
        _total = total;
        _done = 0;
        _countedAt = time.GetTimestamp();
        if (total is { } count)
        {
            LogPhaseOf(logger, name, count);
        }
        else
        {
            LogPhase(logger, name);
        }
    }

    public void Advance()
    {
        _done++;
        if (time.GetElapsedTime(_countedAt) >= CountInterval)
        {
            _countedAt = time.GetTimestamp();
            LogCount(logger, _phase, _done, _total ?? -1);
        }
    }

    public void Finish()
    {
    }

    [LoggerMessage(EventId = 150, Level = LogLevel.Information, Message = "Sync phase: {Phase}")]
    private static partial void LogPhase(ILogger logger, string phase);

    [LoggerMessage(EventId = 151, Level = LogLevel.Information, Message = "Sync phase: {Phase} ({Total} patients)")]
    private static partial void LogPhaseOf(ILogger logger, string phase, int total);

    [LoggerMessage(EventId = 152, Level = LogLevel.Information, Message = "Sync {Phase}: {Done} of {Total} patients done")]
    private static partial void LogCount(ILogger logger, string phase, int done, int total);
}
