using Interop.Testing;

namespace Interop.Ehr.Tests.FhirServer;

/// <summary>One local FHIR server for a test class (<c>IClassFixture&lt;FhirServerClassFixture&gt;</c>).</summary>
public sealed class FhirServerClassFixture : IAsyncLifetime
{
    public FhirServerFixture Server { get; } = new();

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>An HttpClient on the server's FHIR base that speaks application/fhir+json.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Server.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/fhir+json");
        return client;
    }
}
