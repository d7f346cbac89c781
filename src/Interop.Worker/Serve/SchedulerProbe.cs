namespace Interop.Worker.Serve;

/// <summary>Test seam: told once per occurrence when a target's loop waits for it (after its timer exists). Does nothing in production.</summary>
internal sealed class SchedulerProbe
{
    public Action<string, DateTimeOffset>? Waiting { get; set; }
}
