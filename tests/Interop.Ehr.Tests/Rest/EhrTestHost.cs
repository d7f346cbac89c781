using System.Collections.Concurrent;
using Interop.Ehr.DependencyInjection;
using Interop.Ehr.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;
using System.Net;
using System.Net.Sockets;

namespace Interop.Ehr.Tests.Rest;

/// <summary>A WireMock FHIR server on 127.0.0.1 and a DI container with one registered EHR ("test").</summary>
internal sealed class EhrTestHost : IDisposable
{
    public const string Name = "test";

    private EhrTestHost(WireMockServer server, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Server = server;
        Services = services;
        Logs = logs;
    }

    public WireMockServer Server { get; }

    public ServiceProvider Services { get; }

    public CapturingLoggerProvider Logs { get; }

    public Uri BaseUrl => new(Server.Urls[0] + "/fhir");

    public FhirClient Client => Services.GetRequiredKeyedService<FhirClient>(Name);

    public FhirRequestCounter Counter => Services.GetRequiredKeyedService<FhirRequestCounter>(Name);

    public IReadOnlyList<ILogEntry> Requests(string path) =>
        Server.LogEntries.Where(e => e.RequestMessage.Path == path).OrderBy(e => e.RequestMessage.DateTime).ToList();

    public static WireMockServer StartServer() =>
        WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Fast test defaults: short timeouts and retry delays; <paramref name="configure"/> runs after them.</summary>
    public static EhrTestHost Start(Action<EhrConnectionOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var server = StartServer();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddSingleton<Interop.Ehr.Bulk.IBulkExportStateStore, Bulk.InMemoryBulkExportStateStore>();
        services.AddFhirEhrClient(Name, o =>
        {
            o.BaseUrl = new Uri(server.Urls[0] + "/fhir");
            // Generous: on a loaded CI machine a loopback answer can take seconds, and a timed-out attempt would be retried,
            // changing the request counts the tests assert. Tests of the timeout itself set their own short one.
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(15);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(60);
            o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(o);
        });
        return new EhrTestHost(server, services.BuildServiceProvider(validateScopes: true), logs);
    }

    public void Dispose()
    {
        Services.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}

/// <summary>Keeps every formatted log message, to prove what is never logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Messages.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " | " + exception));
    }
}
