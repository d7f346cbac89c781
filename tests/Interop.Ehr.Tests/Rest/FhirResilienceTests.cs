using System.Diagnostics;
using System.Net;
using Hl7.Fhir.Model;
using Interop.Ehr.Rest;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Interop.Ehr.Tests.Rest.FhirJsonBodies;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.Rest;

/// <summary>
/// Fault tests: each ends with the caller holding the right result or exactly one error, and with the
/// number of requests the server saw (a POST is never repeated unless it certainly was not processed).
/// </summary>
public sealed class FhirResilienceTests : IDisposable
{
    private readonly EhrTestHost _host = EhrTestHost.Start();

    public void Dispose() => _host.Dispose();

    /// <summary>The first <paramref name="failures"/> requests to <paramref name="path"/> get <paramref name="failure"/>, later ones <paramref name="success"/>.</summary>
    private void FailThenSucceed(string path, int failures, Func<IResponseBuilder, IResponseBuilder> failure, Resource success)
    {
        const string Scenario = "fault";
        for (var i = 0; i < failures; i++)
        {
            _host.Server.Given(Request.Create().WithPath(path)).InScenario(Scenario).WhenStateIs(i == 0 ? null! : $"s{i}").WillSetStateTo($"s{i + 1}")
                .RespondWith(failure(Response.Create()));
        }

        _host.Server.Given(Request.Create().WithPath(path)).InScenario(Scenario).WhenStateIs($"s{failures}")
            .RespondWith(Response.Create().WithHeader("Content-Type", FhirMediaType.Json).WithBody(Json(success)));
    }

    private static Bundle Transaction() => new() { Type = Bundle.BundleType.Transaction };

    private static Bundle TransactionResponse() => new() { Type = Bundle.BundleType.TransactionResponse };

    [Fact]
    public async Task Search_429WithRetryAfter_WaitsThenSucceeds()
    {
        FailThenSucceed("/fhir/Observation", 1, r => r.WithStatusCode(429).WithHeader("Retry-After", "1"), SearchSet([Observation("o1")]));
        var clock = Stopwatch.StartNew();

        var results = await _host.Client.SearchAsync("Observation", [new("code", "x")], CancellationToken.None).ToListAsync();

        Assert.Equal("o1", Assert.Single(results).Id);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}, before Retry-After");
        Assert.Equal(2, _host.Requests("/fhir/Observation").Count);
        Assert.Equal(1, _host.Client.RequestCount);
        Assert.Equal(2, _host.Counter.Attempts);
    }

    [Fact]
    public async Task Search_503Burst_RetriedUntilSuccess()
    {
        FailThenSucceed("/fhir/Observation", 3, r => r.WithStatusCode(503), SearchSet([Observation("o1")]));

        var results = await _host.Client.SearchAsync("Observation", [new("code", "x")], CancellationToken.None).ToListAsync();

        Assert.Single(results);
        Assert.Equal(4, _host.Requests("/fhir/Observation").Count);
    }

    [Fact]
    public async Task Search_PersistentServerError_OneServerExceptionAfterAllRetries()
    {
        _host.Server.Given(Request.Create().WithPath("/fhir/Observation")).RespondWith(Response.Create().WithStatusCode(500));

        var error = await Assert.ThrowsAsync<FhirServerException>(() => _host.Client.SearchAsync("Observation", [new("code", "x")], CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Null(error.Outcome);
        Assert.Equal(5, _host.Requests("/fhir/Observation").Count);
    }

    [Fact]
    public async Task Search_PersistentServerErrorWithMaxRetriesZero_OneAttemptOnly()
    {
        using var host = EhrTestHost.Start(o => o.Resilience.MaxRetries = 0);
        host.Server.Given(Request.Create().WithPath("/fhir/Observation")).RespondWith(Response.Create().WithStatusCode(500));

        var error = await Assert.ThrowsAsync<FhirServerException>(() => host.Client.SearchAsync("Observation", [new("code", "x")], CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Single(host.Requests("/fhir/Observation"));
    }

    [Fact]
    public async Task Search_ConnectionReset_RetriedAndSucceeds()
    {
        using var server = new ScriptedHttpServer(ScriptedHttpServer.Reset(), ScriptedHttpServer.Respond(Json(SearchSet([Observation("o1")]))));
        using var host = EhrTestHost.Start(o => o.BaseUrl = server.BaseUrl);

        var results = await host.Client.SearchAsync("Observation", [new("code", "x")], CancellationToken.None).ToListAsync();

        Assert.Equal("o1", Assert.Single(results).Id);
        Assert.Equal(2, server.RequestsRead);
    }

    [Fact]
    public async Task Search_EmptyBody_ProtocolException()
    {
        _host.Server.Given(Request.Create().WithPath("/fhir/Observation")).RespondWith(Response.Create().WithFault(FaultType.EMPTY_RESPONSE));

        var error = await Assert.ThrowsAsync<FhirProtocolException>(() => _host.Client.SearchAsync("Observation", [new("code", "x")], CancellationToken.None).ToListAsync().AsTask());

        Assert.Contains("empty body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SlowPastAttemptTimeout_RetriedAndSucceeds()
    {
        using var server = new ScriptedHttpServer(
            ScriptedHttpServer.Respond(Json(SearchSet([Observation("late")])), delay: TimeSpan.FromSeconds(5)),
            ScriptedHttpServer.Respond(Json(SearchSet([Observation("o1")]))));
        using var host = EhrTestHost.Start(o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(500);
        });

        var results = await host.Client.SearchAsync("Observation", [new("code", "x")], CancellationToken.None).ToListAsync();

        Assert.Equal("o1", Assert.Single(results).Id);
        Assert.Equal(2, server.RequestsRead);
    }

    [Fact]
    public async Task Transaction_503WithRetryAfter_RetriedOnceAndSucceeds()
    {
        FailThenSucceed("/fhir", 1, r => r.WithStatusCode(503).WithHeader("Retry-After", "1"), TransactionResponse());

        var response = await _host.Client.TransactionAsync(Transaction(), CancellationToken.None);

        Assert.Equal(Bundle.BundleType.TransactionResponse, response.Type);
        Assert.Equal(2, _host.Requests("/fhir").Count);
    }

    [Fact]
    public async Task Transaction_429_RetriedAndSucceeds()
    {
        FailThenSucceed("/fhir", 1, r => r.WithStatusCode(429).WithHeader("Retry-After", "1"), TransactionResponse());

        await _host.Client.TransactionAsync(Transaction(), CancellationToken.None);

        Assert.Equal(2, _host.Requests("/fhir").Count);
    }

    [Fact]
    public async Task Transaction_503WithoutRetryAfter_NotRepeated()
    {
        FailThenSucceed("/fhir", 1, r => r.WithStatusCode(503), TransactionResponse());

        var error = await Assert.ThrowsAsync<FhirServerException>(() => _host.Client.TransactionAsync(Transaction(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(_host.Requests("/fhir"));
    }

    [Fact]
    public async Task Transaction_500_OneServerExceptionAndOnePost()
    {
        FailThenSucceed("/fhir", 1, r => r.WithStatusCode(500), TransactionResponse());

        await Assert.ThrowsAsync<FhirServerException>(() => _host.Client.TransactionAsync(Transaction(), CancellationToken.None));

        Assert.Single(_host.Requests("/fhir"));
    }

    [Fact]
    public async Task Transaction_412PreconditionFailed_OneServerExceptionWithStatus()
    {
        _host.Server.Given(Request.Create().WithPath("/fhir")).RespondWith(Response.Create().WithStatusCode(412)
            .WithHeader("Content-Type", FhirMediaType.Json).WithBody(Json(Outcome(OperationOutcome.IssueType.Conflict, "Multiple matches for identifier"))));

        var error = await Assert.ThrowsAsync<FhirServerException>(() => _host.Client.TransactionAsync(Transaction(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.Conflict, error.Outcome!.Issue[0].Code);
        Assert.Single(_host.Requests("/fhir"));
    }

    [Fact]
    public async Task Transaction_ConnectionResetAfterSending_OneUnavailableAndNoSecondPost()
    {
        using var server = new ScriptedHttpServer(ScriptedHttpServer.Reset(), ScriptedHttpServer.Respond(Json(TransactionResponse())));
        using var host = EhrTestHost.Start(o => o.BaseUrl = server.BaseUrl);

        var error = await Assert.ThrowsAsync<FhirUnavailableException>(() => host.Client.TransactionAsync(Transaction(), CancellationToken.None));

        Assert.Equal("POST", error.Method);
        Assert.Equal(1, server.RequestsRead);
        Assert.Equal(1, host.Counter.Attempts);
    }

    [Fact]
    public async Task Transaction_SlowPastAttemptTimeout_OneUnavailableAndNoSecondPost()
    {
        using var server = new ScriptedHttpServer(
            ScriptedHttpServer.Respond(Json(TransactionResponse()), delay: TimeSpan.FromSeconds(5)),
            ScriptedHttpServer.Respond(Json(TransactionResponse())));
        using var host = EhrTestHost.Start(o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(500);
        });

        var error = await Assert.ThrowsAsync<FhirUnavailableException>(() => host.Client.TransactionAsync(Transaction(), CancellationToken.None));

        Assert.Contains("timeout", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestsRead);
        Assert.Equal(1, host.Counter.Attempts);
    }

    [Fact]
    public async Task Transaction_ConnectionRefused_OneAttemptThenUnavailableSayingRefused()
    {
        using var refused = EhrTestHost.Start(o =>
        {
            o.BaseUrl = new Uri($"http://127.0.0.1:{EhrTestHost.FreePort()}/fhir");
            o.Resilience.MaxRetries = 2;
        });

        var error = await Assert.ThrowsAsync<FhirUnavailableException>(() => refused.Client.TransactionAsync(Transaction(), CancellationToken.None));

        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, refused.Counter.Attempts);
        Assert.Equal(1, refused.Client.RequestCount);
    }

    [Fact]
    public async Task Capabilities_ConnectionRefused_NotRetried()
    {
        using var refused = EhrTestHost.Start(o =>
        {
            o.BaseUrl = new Uri($"http://127.0.0.1:{EhrTestHost.FreePort()}/fhir");
            o.Resilience.MaxRetries = 4;
        });

        var error = await Assert.ThrowsAsync<FhirUnavailableException>(() => refused.Client.CapabilitiesAsync(CancellationToken.None));

        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, refused.Counter.Attempts);
    }
}
