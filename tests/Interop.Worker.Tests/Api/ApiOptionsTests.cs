using Interop.Testing;
using Interop.Worker.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Tests.Api;

public sealed class ApiOptionsTests
{
    private static readonly string ValidHash = new('a', 64);

    [Fact]
    public void Validate_Defaults_AreValidAndListenOnLoopback5080()
    {
        var options = new ApiOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("http://127.0.0.1:5080", options.Urls);
    }

    [Theory]
    [InlineData("read", true)]
    [InlineData("operate", true)]
    [InlineData("admin", false)]
    [InlineData(null, false)]
    public void Validate_KeyRole_MustBeReadOrOperate(string? role, bool valid)
    {
        var options = new ApiOptions { Keys = { ["ward"] = new ApiKeyOptions { Role = role, Sha256 = ValidHash } } };

        Assert.Equal(valid, options.Validate().Count == 0);
        Assert.All(options.Validate(), e => Assert.StartsWith("Api:Keys:ward:Role", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(64, 'F', true)]
    [InlineData(63, 'a', false)]
    [InlineData(65, 'a', false)]
    [InlineData(64, 'g', false)]
    public void Validate_KeySha256_Must64HexCharacters(int length, char c, bool valid)
    {
        var options = new ApiOptions { Keys = { ["ward"] = new ApiKeyOptions { Role = "read", Sha256 = new string(c, length) } } };

        var errors = options.Validate();

        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.StartsWith("Api:Keys:ward:Sha256 must be the SHA-256", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TwoKeysWithTheSameHash_NamesBoth()
    {
        var options = new ApiOptions
        {
            Keys = { ["a"] = new ApiKeyOptions { Role = "read", Sha256 = ValidHash }, ["b"] = new ApiKeyOptions { Role = "operate", Sha256 = ValidHash.ToUpperInvariant() } },
        };

        Assert.Equal(["Api:Keys: a, b have the same Sha256"], options.Validate());
    }

    [Theory]
    [InlineData("http://idp.test/", "api", "Api:Jwt:Authority must be an absolute https URL (plain http only on a loopback address)")]
    [InlineData("idp", "api", "Api:Jwt:Authority must be an absolute https URL (plain http only on a loopback address)")]
    [InlineData("https://idp.test/", " ", "Api:Jwt:Audience is required")]
    public void Validate_Jwt_NamesTheSetting(string authority, string audience, string expected)
    {
        var options = new ApiOptions { Jwt = new ApiJwtOptions { Authority = authority, Audience = audience } };

        Assert.Equal([expected], options.Validate());
    }

    [Theory]
    [InlineData("", "Api:Urls is empty")]
    [InlineData("ftp://127.0.0.1:21", "Api:Urls 'ftp://127.0.0.1:21' is not an absolute http or https URL")]
    public void Validate_Urls_NamesTheSetting(string urls, string expected)
    {
        Assert.Equal([expected], new ApiOptions { Urls = urls }.Validate());
    }

    [Fact]
    public async Task StartAsync_KeyWithAPlainKeyForHash_FailsNamingTheSetting()
    {
        using var folder = new TempFolder();
        var settings = ApiServer.Settings(folder.Path);
        settings["Api:Keys:ward-display:Sha256"] = ApiServer.ReadKey;

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => BuildAndStartAsync(settings));

        Assert.Contains("Api:Keys:ward-display:Sha256", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_UnknownSetting_Fails()
    {
        using var folder = new TempFolder();
        var settings = ApiServer.Settings(folder.Path);
        settings["Api:Key:ward:Role"] = "read";

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => BuildAndStartAsync(settings));

        Assert.Contains("'Key'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", true)]
    [InlineData("http://[::]:5080", true)]
    [InlineData("http://10.1.2.3:5080", true)]
    [InlineData("http://interop.hospital.local:5080", true)]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://[::1]:5080", false)]
    [InlineData("https://0.0.0.0:5443", false)]
    public void IsPlainHttpOffThisMachine_ByAddressAndScheme(string url, bool warned) =>
        Assert.Equal(warned, ApiOptions.IsPlainHttpOffThisMachine(url));

    [Fact]
    public async Task UseInteropApi_PlainHttpOnANetworkAddress_WarnsNamingIt()
    {
        using var folder = new TempFolder();
        var settings = ApiServer.Settings(folder.Path);
        settings["Api:Urls"] = "http://0.0.0.0:5999;http://127.0.0.1:5998;https://0.0.0.0:5997";
        var logs = new ListLoggerProvider();

        // Composed, not started: nothing listens on the network address.
        await using var app = ApiServer.Build(settings, new FakeSyncTrigger(), logs);

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("plain http", StringComparison.Ordinal));
        Assert.StartsWith("Api:Urls: http://0.0.0.0:5999 is plain http", warning.Message, StringComparison.Ordinal);
    }

    /// <summary>Composes and starts the app as serve does (UseInteropApi reads the options, so a bad setting may stop either step).</summary>
    private static async Task BuildAndStartAsync(Dictionary<string, string?> settings)
    {
        await using var app = ApiServer.Build(settings, new FakeSyncTrigger());
        await app.StartAsync();
        await app.StopAsync();
    }
}

/// <summary>Keeps every log entry's level and message.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
