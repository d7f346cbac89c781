namespace Interop.Sync;

/// <summary>Where a patient's step stands, so that a failure is reported by the stage it stopped in.</summary>
public enum SyncStage
{
    /// <summary>Reading the patient's records from the source.</summary>
    Read,

    /// <summary>Evaluating the rules and building and validating the outcomes.</summary>
    Evaluate,

    /// <summary>Handing the outcomes to the sink.</summary>
    Write,
}

/// <summary>The retry-queue reason of a failure in each stage when nothing more specific is known.</summary>
public static class SyncStages
{
    /// <summary><c>read-failed</c>, <c>evaluation-failed</c> or <c>write-failed</c> (the retry queue's categories).</summary>
    public static string FailureReason(SyncStage stage) => stage switch
    {
        SyncStage.Read => "read-failed",
        SyncStage.Evaluate => "evaluation-failed",
        SyncStage.Write => "write-failed",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "not a sync stage"),
    };
}
