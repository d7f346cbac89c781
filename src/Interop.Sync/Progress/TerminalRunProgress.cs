using System.Globalization;

namespace Interop.Sync.Progress;

/// <summary>
/// One status line on a terminal's stderr, redrawn in place at most every <see cref="RedrawInterval"/> and erased by
/// <see cref="Finish"/>: stdout (the summary) never sees it, and it leaves nothing behind on the screen.
/// </summary>
internal sealed class TerminalRunProgress(TextWriter terminal, TimeProvider time) : IRunProgress
{
    // Often enough to look alive, seldom enough that redrawing costs nothing next to a patient's evaluation.
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);

    private const string EraseLine = "\r\u001b[2K";

    private string _phase = string.Empty;
    private int? _total;
    private int _done;
    private long _drawnAt;
    private bool _shown;

    public void Phase(string name, int? total = null)
    {
        _phase = name;
        _total = total;
        _done = 0;
        Draw();
    }

    public void Advance()
    {
        _done++;
        if (_done == _total || time.GetElapsedTime(_drawnAt) >= RedrawInterval)
        {
            Draw();
        }
    }

    public void Finish()
    {
        if (_shown)
        {
            terminal.Write(EraseLine);
            terminal.Flush();
            _shown = false;
        }
    }

    private void Draw()
    {
        var count = _total is { } total
            ? string.Create(CultureInfo.InvariantCulture, $": {_done}/{total} patients ({(total == 0 ? 100 : _done * 100 / total)} %)")
            : string.Empty;
        terminal.Write($"{EraseLine}sync: {_phase}{count}");
        terminal.Flush();
        _drawnAt = time.GetTimestamp();
        _shown = true;
    }
}
