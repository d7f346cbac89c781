using Interop.Sync.Progress;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Worker.Tests.Sync;

public sealed class RunProgressTests
{
    private const string EraseLine = "\r\u001b[2K";

    [Fact]
    public void Terminal_PhaseThenPatients_DrawsCountAndFinishErasesIt()
    {
        using var terminal = new StringWriter();
        var time = new FakeTimeProvider();
        var progress = new TerminalRunProgress(terminal, time);

        progress.Phase("evaluating", 3);
        progress.Advance();
        time.Advance(TimeSpan.FromSeconds(1));
        progress.Advance();
        progress.Advance();
        progress.Finish();

        var text = terminal.ToString();
        Assert.Contains("sync: evaluating: 0/3 patients (0 %)", text, StringComparison.Ordinal);
        Assert.Contains("sync: evaluating: 2/3 patients (66 %)", text, StringComparison.Ordinal);
        Assert.Contains("sync: evaluating: 3/3 patients (100 %)", text, StringComparison.Ordinal);
        Assert.EndsWith(EraseLine, text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public void Terminal_PatientsFasterThanRedraw_DrawsOnlyTheLast()
    {
        using var terminal = new StringWriter();
        var progress = new TerminalRunProgress(terminal, new FakeTimeProvider());

        progress.Phase("evaluating", 3);
        progress.Advance();
        progress.Advance();
        progress.Advance();

        Assert.DoesNotContain("1/3", terminal.ToString(), StringComparison.Ordinal);
        Assert.Contains("3/3", terminal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_NothingShown_FinishWritesNothing()
    {
        using var terminal = new StringWriter();
        new TerminalRunProgress(terminal, new FakeTimeProvider()).Finish();

        Assert.Empty(terminal.ToString());
    }

    [Fact]
    public void Log_PhaseAndCountAfterTheInterval_OneLineEach()
    {
        var time = new FakeTimeProvider();
        var logger = new ListLogger();
        var progress = new LogRunProgress(logger, time);

        progress.Phase("evaluating", 10);
        progress.Advance();
        time.Advance(TimeSpan.FromSeconds(29));
        progress.Advance();
        time.Advance(TimeSpan.FromSeconds(1));
        progress.Advance();

        Assert.Equal(["Sync phase: evaluating (10 patients)", "Sync evaluating: 3 of 10 patients done"], logger.Lines);
    }

    private sealed class ListLogger : ILogger<LogRunProgress>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
