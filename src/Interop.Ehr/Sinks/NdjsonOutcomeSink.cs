using Interop.Fhir.Outcomes;
using Interop.Fhir.Serialization;

namespace Interop.Ehr.Sinks;

/// <summary>
/// File mode (docs/outcomes.md, "How it is written"): <c>Observation.ndjson</c>, <c>Provenance.ndjson</c> and
/// <c>ResearchSubject.ndjson</c> in the output folder. All are written to temp files and only appear, each whole, on
/// <see cref="CompleteAsync"/>; disposing without completing leaves the folder as it was. Lines come in the
/// order <see cref="WriteAsync(PatientOutcomes, CancellationToken)"/> was called, so the same outcomes written in the same order give
/// byte-identical files. Not thread-safe: one writer per run.
/// </summary>
public sealed class NdjsonOutcomeSink : IAsyncDisposable
{
    private const string ObservationFile = "Observation.ndjson";
    private const string ProvenanceFile = "Provenance.ndjson";
    private const string ResearchSubjectFile = "ResearchSubject.ndjson";

    private readonly string _outputFolder;
    private NdjsonTempFile? _observations;
    private NdjsonTempFile? _provenances;
    private NdjsonTempFile? _subjects;
    private bool _completed;
    private bool _disposed;

    /// <param name="outputFolder">The output folder; created when missing.</param>
    public NdjsonOutcomeSink(string outputFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        _outputFolder = outputFolder;
    }

    /// <summary>Appends the patient's Observations, Provenance and (when it has one) ResearchSubject.</summary>
    public Task WriteAsync(PatientOutcomes outcomes, CancellationToken ct) => WriteAsync(outcomes, null, ct);

    /// <summary>As <see cref="WriteAsync(PatientOutcomes, CancellationToken)"/>, with the resources' JSON as they were serialised when checked.</summary>
    public async Task WriteAsync(PatientOutcomes outcomes, OutcomeJson? json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var (observations, provenances, subjects) = Open();

        foreach (var observation in outcomes.Observations)
        {
            await observations.WriteAsync(observation, json, ct);
        }

        await provenances.WriteAsync(outcomes.Provenance, json, ct);
        if (outcomes.ResearchSubject is not null)
        {
            await subjects.WriteAsync(outcomes.ResearchSubject, json, ct);
        }
    }

    /// <summary>Moves the files into place (empty files when nothing was written). Call once, after the last write.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        var (observations, provenances, subjects) = Open();
        await observations.CommitAsync(ct);
        await provenances.CommitAsync(ct);
        await subjects.CommitAsync(ct);
        _completed = true;
    }

    /// <summary>Closes the files; without <see cref="CompleteAsync"/> the temp files are deleted and nothing appears.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_observations is not null)
        {
            await _observations.DisposeAsync();
        }

        if (_provenances is not null)
        {
            await _provenances.DisposeAsync();
        }

        if (_subjects is not null)
        {
            await _subjects.DisposeAsync();
        }
    }

    private (NdjsonTempFile Observations, NdjsonTempFile Provenances, NdjsonTempFile Subjects) Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("The outcome files were already completed.");
        }

        if (_observations is null || _provenances is null || _subjects is null)
        {
            Directory.CreateDirectory(_outputFolder);
            _observations ??= new NdjsonTempFile(_outputFolder, ObservationFile);
            _provenances ??= new NdjsonTempFile(_outputFolder, ProvenanceFile);
            _subjects ??= new NdjsonTempFile(_outputFolder, ResearchSubjectFile);
        }

        return (_observations, _provenances, _subjects);
    }
}
