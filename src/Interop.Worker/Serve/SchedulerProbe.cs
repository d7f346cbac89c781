namespace Interop.Worker.Serve;

/// <summary>Test seam: told each time a target's loop starts waiting for its next occurrence. Does nothing in production.</summary>
internal sealed class SchedulerProbe
{
    public Action<string, DateTimeOffset>? Waiting { get; set; }
}
