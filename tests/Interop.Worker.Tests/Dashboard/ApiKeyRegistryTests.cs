using Interop.Worker.Api;
using Interop.Worker.Tests.Api;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Tests.Dashboard;

public sealed class ApiKeyRegistryTests
{
    private static ApiKeyRegistry Registry() => new(Options.Create(new ApiOptions
    {
        Keys = { ["ward"] = new ApiKeyOptions { Role = "read", Sha256 = ApiServer.Sha256Hex("ward-key") } },
    }));

    [Fact]
    public void Match_ConfiguredKey_NameAndRole()
    {
        Assert.Equal(("ward", "read"), Registry().Match("ward-key"));
        Assert.Null(Registry().Match("ward-key "));
    }

    [Theory]
    [InlineData("ward", "read", true)]
    [InlineData("ward", "operate", false)]
    [InlineData("removed", "read", false)]
    [InlineData(null, null, false)]
    public void IsCurrent_SessionOfAKey_OnlyWhileConfiguredWithThatRole(string? name, string? role, bool current)
    {
        Assert.Equal(current, Registry().IsCurrent(name, role));
    }
}
