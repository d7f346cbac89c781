using Interop.Ehr.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Tests.Live;

/// <summary>The same EHR connection settings for every name, as the runner reads them.</summary>
internal sealed class FixedConnections(EhrConnectionOptions options) : IOptionsMonitor<EhrConnectionOptions>
{
    public EhrConnectionOptions CurrentValue => options;

    public EhrConnectionOptions Get(string? name) => options;

    public IDisposable? OnChange(Action<EhrConnectionOptions, string?> listener) => null;
}
