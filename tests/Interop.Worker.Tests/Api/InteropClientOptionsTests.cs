using Interop.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Tests.Api;

public sealed class InteropClientOptionsTests
{
    private static readonly Uri Base = new("https://interop.hospital.test/");

    [Fact]
    public void Validate_ApiKeyOnly_IsValid()
    {
        Assert.Empty(new InteropClientOptions { BaseAddress = Base, ApiKey = "k" }.Validate());
    }

    [Fact]
    public void Validate_TokenProviderOnly_IsValid()
    {
        Assert.Empty(new InteropClientOptions { BaseAddress = Base, BearerTokenProvider = _ => ValueTask.FromResult("t") }.Validate());
    }

    [Fact]
    public void Validate_BothCredentials_NamesThem()
    {
        var options = new InteropClientOptions { BaseAddress = Base, ApiKey = "k", BearerTokenProvider = _ => ValueTask.FromResult("t") };

        Assert.Equal(["InteropClientOptions: set exactly one of ApiKey and BearerTokenProvider"], options.Validate());
    }

    [Fact]
    public void Validate_NoCredential_NamesThem()
    {
        Assert.Equal(["InteropClientOptions: set exactly one of ApiKey and BearerTokenProvider"], new InteropClientOptions { BaseAddress = Base }.Validate());
    }

    [Theory]
    [InlineData(null, "InteropClientOptions.BaseAddress is required")]
    [InlineData("ftp://interop.hospital.test/", "InteropClientOptions.BaseAddress must be an absolute http or https URL")]
    public void Validate_BadBaseAddress_NamesIt(string? address, string expected)
    {
        var options = new InteropClientOptions { BaseAddress = address is null ? null : new Uri(address), ApiKey = "k" };

        Assert.Equal([expected], options.Validate());
    }

    [Fact]
    public void AddInteropClient_Invalid_FailsOnFirstUseNamingTheSetting()
    {
        using var provider = new ServiceCollection().AddInteropClient(o => o.ApiKey = "k").Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InteropClientOptions>>().Value);

        Assert.Contains("InteropClientOptions.BaseAddress is required", ex.Message, StringComparison.Ordinal);
    }
}
