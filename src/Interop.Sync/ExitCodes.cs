namespace Interop.Sync;

/// <summary>Process exit codes (README.md, "Command line").</summary>
public static class ExitCodes
{
    /// <summary>Everything processed.</summary>
    public const int Success = 0;

    /// <summary>Anything else: a bug or an unrecoverable infrastructure failure.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or configuration; the message names the setting.</summary>
    public const int Usage = 2;

    /// <summary>Finished, but some input was quarantined (listed in the report).</summary>
    public const int Quarantined = 3;

    /// <summary>
    /// Finished, but there was nothing to evaluate: an empty source, a source without a record the rules screen for, or an
    /// EHR that returned no candidate. Nothing is wrong in what was read; a nightly job's monitoring should still look.
    /// </summary>
    public const int NothingToEvaluate = 4;
}
