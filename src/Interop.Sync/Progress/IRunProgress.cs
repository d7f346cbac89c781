namespace Interop.Sync.Progress;

/// <summary>
/// Where a running sync is, for the person or the log watching it: the phase, and patients done of the total once known.
/// Never part of the summary or the run report, and never a patient's id. Called from one thread at a time.
/// </summary>
internal interface IRunProgress
{
    /// <summary>A new phase begins; <paramref name="total"/> is the number of patients it goes through, when known.</summary>
    void Phase(string name, int? total = null);

    /// <summary>One more patient of the current phase is done.</summary>
    void Advance();

    /// <summary>The run is over (or failed): a display clears itself, so the summary after it stands alone.</summary>
    void Finish();
}
