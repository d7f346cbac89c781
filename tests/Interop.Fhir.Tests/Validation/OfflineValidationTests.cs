using System.Diagnostics;
using Interop.Fhir.Outcomes;

namespace Interop.Fhir.Tests.Validation;

/// <summary>Validation never reaches the network: no terminology server, no reference resolution.</summary>
[Collection(ValidationCollection.Name)]
public sealed class OfflineValidationTests(ValidatorFixture fixture)
{
    [Fact]
    public void Validate_OutcomesAndBrokenOutcomes_MakeNoHttpRequest()
    {
        using var watcher = new HttpWatcher();
        foreach (var resource in fixture.SampleOutcomes.Take(5).SelectMany(o => o.All()))
        {
            _ = fixture.Validator.Validate(resource);
        }

        // A code that is not in the local value set must not make the validator ask anyone else.
        var broken = fixture.Outcome(OutcomeCodes.MrdAfterBlinatumomab);
        Assert.IsType<Hl7.Fhir.Model.CodeableConcept>(broken.Value).Coding[0].System = "http://snomed.info/sct";
        Assert.False(fixture.Validator.Validate(broken).IsValid);

        Assert.Equal(0, watcher.Requests);
    }

    /// <summary>Counts outgoing HttpClient requests in this process through the runtime's diagnostic listener.</summary>
    private sealed class HttpWatcher : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IDisposable _subscription;
        private readonly List<IDisposable> _listeners = [];
        private int _requests;

        public HttpWatcher() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

        public int Requests => Volatile.Read(ref _requests);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "HttpHandlerDiagnosticListener")
            {
                lock (_listeners)
                {
                    _listeners.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key is "System.Net.Http.Request" or "System.Net.Http.HttpRequestOut.Start")
            {
                Interlocked.Increment(ref _requests);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _subscription.Dispose();
            lock (_listeners)
            {
                _listeners.ForEach(l => l.Dispose());
            }
        }
    }
}
