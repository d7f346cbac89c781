using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Interop.Testing.Faults;

/// <summary>
/// An in-process HTTP proxy on 127.0.0.1 in front of a FHIR server (loopback only), injecting the faults of its
/// <see cref="FaultPlan"/>: 429 with Retry-After, 503, connection resets, slow answers, and transactions committed
/// upstream whose answer is dropped. Upstream URLs in answers (paging links, fullUrls, Location) are rewritten to the
/// proxy, so a client never leaves it. <see cref="TransactionCommitted"/> runs after each committed transaction, before
/// its answer goes back (a test can kill the client there).
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly string[] ForwardedHeaders = ["Accept", "Authorization", "If-Match", "If-None-Exist", "If-None-Match", "Prefer"];
    private static readonly string[] ReturnedHeaders = ["ETag", "Last-Modified", "Retry-After"];

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _upstreamBase;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<FaultKind, int> _faults = new();
    private Random _random;
    private FaultPlan _plan = FaultPlan.None;
    private int _requests;
    private int _committed;

    private FaultProxy(WebApplication app, Uri upstreamBase)
    {
        _app = app;
        _upstreamBase = upstreamBase;
        _upstream = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        _random = new Random(_plan.Seed);
    }

    /// <summary>The FHIR base through the proxy (same path as upstream, trailing slash).</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Runs after each transaction committed upstream, with how many so far, before the answer goes back (or is dropped).</summary>
    public Func<int, Task>? TransactionCommitted { get; set; }

    /// <summary>Requests received (every retry counts).</summary>
    public int Requests => _requests;

    /// <summary>Transactions committed upstream through the proxy.</summary>
    public int Committed => _committed;

    /// <summary>Faults injected so far, by kind.</summary>
    public IReadOnlyDictionary<FaultKind, int> Faults => new Dictionary<FaultKind, int>(_faults);

    /// <summary>Starts a proxy on 127.0.0.1 (a free port) in front of <paramref name="upstreamBase"/> (a loopback FHIR base).</summary>
    public static async Task<FaultProxy> StartAsync(Uri upstreamBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstreamBase);
        if (!upstreamBase.IsLoopback)
        {
            throw new ArgumentException("The fault proxy forwards to loopback only.", nameof(upstreamBase));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new FaultProxy(app, upstreamBase);
        app.Run(proxy.HandleAsync);
        await app.StartAsync(cancellationToken);
        var origin = new Uri(app.Urls.Single());
        proxy.BaseUri = new Uri(origin, upstreamBase.AbsolutePath.TrimEnd('/') + "/");
        return proxy;
    }

    /// <summary>Uses <paramref name="plan"/> from the next request on, its random sequence restarted from its seed.</summary>
    public void Use(FaultPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            _plan = plan;
            _random = new Random(plan.Seed);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        var isTransaction = HttpMethods.IsPost(request.Method) && request.Path.Value?.TrimEnd('/') == _upstreamBase.AbsolutePath.TrimEnd('/');
        FaultKind fault;
        FaultPlan plan;
        lock (_gate)
        {
            plan = _plan;
            fault = plan.Pick(_random, isTransaction);
        }

        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (fault != FaultKind.None)
        {
            _faults.AddOrUpdate(fault, 1, (_, n) => n + 1);
        }

        switch (fault)
        {
            case FaultKind.Reset:
                context.Abort();
                return;
            case FaultKind.TooManyRequests:
                await RefuseAsync(context, StatusCodes.Status429TooManyRequests, plan.RetryAfterSeconds, "throttled");
                return;
            case FaultKind.Unavailable:
                await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, _faults[fault] % 2 == 0 ? plan.RetryAfterSeconds : null, "transient");
                return;
            case FaultKind.Slow:
                await Task.Delay(plan.SlowDelay, context.RequestAborted);
                break;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstreamBase, request.Path.Value + request.QueryString.Value));
        foreach (var name in ForwardedHeaders.Where(h => request.Headers.ContainsKey(h)))
        {
            forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)request.Headers[name]);
        }

        if (body is not null)
        {
            forward.Content = new ByteArrayContent(body);
            forward.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        using var answer = await _upstream.SendAsync(forward, context.RequestAborted);
        var content = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (isTransaction && answer.IsSuccessStatusCode)
        {
            var committed = Interlocked.Increment(ref _committed);
            if (TransactionCommitted is { } hook)
            {
                await hook(committed);
            }

            if (fault == FaultKind.CommitThenDrop)
            {
                context.Abort();
                return;
            }
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var name in ReturnedHeaders)
        {
            if (answer.Headers.TryGetValues(name, out var values) || answer.Content.Headers.TryGetValues(name, out values))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        if (answer.Headers.Location is { } location)
        {
            context.Response.Headers.Location = Rewrite(location.ToString());
        }

        var text = Rewrite(Encoding.UTF8.GetString(content));
        context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private string Rewrite(string text) =>
        text.Replace(_upstreamBase.GetLeftPart(UriPartial.Authority), BaseUri.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task RefuseAsync(HttpContext context, int status, int? retryAfterSeconds, string code)
    {
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/fhir+json";
        await context.Response.WriteAsync(
            $$"""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"{{code}}"}]}""", context.RequestAborted);
    }
}
