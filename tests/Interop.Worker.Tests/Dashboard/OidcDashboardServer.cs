using Interop.Worker.Dashboard;
using Interop.Worker.Report;
using Interop.Worker.Tests.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Tests.Dashboard;

/// <summary>
/// The API and dashboard as <c>serve</c> composes them, on 127.0.0.1, with <c>Api:Jwt</c> pointing at a
/// <see cref="FakeIdentityProvider"/> and <c>Api:Dashboard:Oidc</c> set (the client secret in a file), beside the API keys
/// of <see cref="ApiServer"/>. The store is seeded by nothing: the cohort page shows the fake summary.
/// </summary>
public sealed class OidcDashboardServer : IAsyncLifetime
{
    public const string ProviderName = "Hospital Login";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("interop-oidc-");
    private WebApplication? _app;

    public FakeIdentityProvider Provider { get; } = new();

    internal ListLoggerProvider Logs { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Provider.StartAsync();
        var secretFile = Path.Combine(_folder.FullName, "oidc-client-secret");
        await File.WriteAllTextAsync(secretFile, FakeIdentityProvider.ClientSecret + "\n");
        var settings = ApiServer.Settings(_folder.FullName);
        settings["Api:Jwt:Authority"] = Provider.Authority;
        settings["Api:Dashboard:Oidc:ClientId"] = FakeIdentityProvider.ClientId;
        settings["Api:Dashboard:Oidc:ClientSecretFile"] = secretFile;
        settings["Api:Dashboard:Oidc:Scopes:0"] = "groups";
        settings["Api:Dashboard:Oidc:DisplayName"] = ProviderName;
        // The cohort plot's services (its endpoint is mapped with the pages); the summary stays ApiServer's fake.
        _app = ApiServer.Build(settings, new FakeSyncTrigger(), Logs, s => ReportServices.Add(s, new ConfigurationBuilder().Build()), dashboard: true);
        await _app.Services.GetRequiredService<Interop.Store.StateStore>().MigrateAsync(CancellationToken.None);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    /// <summary>A client that follows no redirect and keeps no cookie (the tests carry them, as a browser would).</summary>
    public HttpClient Http() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    /// <summary>What a session cookie's value holds, decrypted with the service's own keys.</summary>
    public AuthenticationTicket? Unprotect(string cookieValue)
    {
        var cookie = _app!.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(DashboardServices.Scheme);
        return cookie.TicketDataFormat.Unprotect(cookieValue);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Provider.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}

/// <summary>One provider and one service for the sign-in tests.</summary>
[CollectionDefinition(Name)]
public sealed class OidcDashboardCollection : ICollectionFixture<OidcDashboardServer>, ICollectionFixture<SystemChromium>
{
    public const string Name = "dashboard-oidc";
}
