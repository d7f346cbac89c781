using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Interop.Worker.Telemetry;

namespace Interop.Worker.Tests.Telemetry;

/// <summary>
/// Listens to the <c>Interop</c> meter made by one service provider's <see cref="IMeterFactory"/> (not those of tests
/// running beside) and keeps every measurement with its tags.
/// </summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public MeasurementRecorder(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SyncTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public ConcurrentQueue<RecordedMeasurement> Measurements { get; } = new();

    public void Observe() => _listener.RecordObservableInstruments();

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => [.. Measurements.Where(m => m.Instrument == instrument)];

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue(new RecordedMeasurement(
            instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString(), StringComparer.Ordinal)));
}

internal sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);
