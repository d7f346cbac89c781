namespace Interop.Worker.Tests.Api;

/// <summary>One server for the API and CDS Hooks tests (they run one after another: some change the fake trigger).</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiServer>
{
    public const string Name = "api-server";
}
