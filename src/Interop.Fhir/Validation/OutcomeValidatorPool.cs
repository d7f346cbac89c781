using System.Collections.Concurrent;

namespace Interop.Fhir.Validation;

/// <summary>
/// Warm <see cref="OutcomeValidator"/>s, one per concurrent user: a validator is not thread-safe, and building and
/// warming one takes seconds, so they are kept for the life of the process and lent out one caller at a time.
/// </summary>
public sealed class OutcomeValidatorPool
{
    private readonly ConcurrentBag<OutcomeValidator> _idle = [];
    private readonly Func<OutcomeValidator> _factory;

    /// <param name="factory">Builds a validator; the pool warms it. Default: one over the embedded profiles.</param>
    public OutcomeValidatorPool(Func<OutcomeValidator>? factory = null) => _factory = factory ?? (static () => new OutcomeValidator());

    /// <summary>The process-wide pool over the embedded profiles.</summary>
    public static OutcomeValidatorPool Shared { get; } = new();

    /// <summary>A warm validator for the caller's exclusive use until the lease is disposed.</summary>
    public Lease Rent()
    {
        if (!_idle.TryTake(out var validator))
        {
            validator = _factory();
            validator.WarmUp();
        }

        return new Lease(this, validator);
    }

    /// <summary>A validator on loan; dispose it (once) to give it back.</summary>
    public sealed class Lease : IDisposable
    {
        private OutcomeValidatorPool? _pool;

        internal Lease(OutcomeValidatorPool pool, OutcomeValidator validator)
        {
            _pool = pool;
            Validator = validator;
        }

        /// <summary>The borrowed validator; use it from one thread at a time.</summary>
        public OutcomeValidator Validator { get; }

        public void Dispose()
        {
            _pool?._idle.Add(Validator);
            _pool = null;
        }
    }
}
