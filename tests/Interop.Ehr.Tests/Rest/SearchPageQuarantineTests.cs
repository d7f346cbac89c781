using Hl7.Fhir.Model;
using Interop.Ehr.Rest;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Interop.Ehr.Tests.Rest.FhirJsonBodies;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.Rest;

/// <summary>
/// A search page with one resource that is not valid FHIR: that resource is set aside with its type, id, patient and a
/// reason naming the element (never its value), and the rest of the page, and the next page, are read.
/// </summary>
public sealed class SearchPageQuarantineTests : IDisposable
{
    private const string GoodDate = "2026-01-15";
    private const string BadDate = "15/01/2026 08:30";

    private readonly EhrTestHost _host = EhrTestHost.Start();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task SearchItemsAsync_OneResourceWithAnUnparseableDate_QuarantinedAndTheRestOfThePagesRead()
    {
        var next = _host.BaseUrl.AbsoluteUri + "?_getpages=abc&_getpagesoffset=3";
        RespondObservations(Page(SearchSet([Dated("o1"), Dated("bad"), Dated("o2")], next, includes: [Patient("p1")]), "bad"));
        _host.Server.Given(Request.Create().WithPath("/fhir").WithParam("_getpagesoffset", "3"))
            .RespondWith(Response.Create().WithHeader("Content-Type", FhirMediaType.Json).WithBody(Json(SearchSet([Dated("o3")]))));

        var items = await _host.Client.SearchItemsAsync("Observation", [new("code", "x")], CancellationToken.None).ToListAsync();

        Assert.Equal(["o1", null, "o2", "p1", "o3"], items.Select(i => i.Resource?.Id));
        var failure = items[1].Failure!;
        Assert.Equal(("GET Observation search", "Observation", "bad", "p1"), (failure.Location, failure.ResourceType, failure.ResourceId, failure.PatientId));
        Assert.StartsWith("invalid FHIR JSON: ", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("Observation.effective", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("15/01", failure.Reason, StringComparison.Ordinal);
        Assert.Equal("GET Observation search include", items[3].Location);
    }

    [Fact]
    public async Task SearchItemsAsync_InvalidIncludedResource_QuarantinedAsAnInclude()
    {
        var page = SearchSet([Dated("o1")], includes: [Dated("inc")]);
        RespondObservations(Page(page, "inc"));

        var items = await _host.Client.SearchItemsAsync("Observation", [new("code", "x")], CancellationToken.None).ToListAsync();

        Assert.Equal("o1", items[0].Resource!.Id);
        Assert.Equal(("GET Observation search include", "inc"), (items[1].Failure!.Location, items[1].Failure!.ResourceId));
    }

    [Fact]
    public async Task SearchAsync_OneResourceWithAnUnparseableDate_FailsWithoutTheValue()
    {
        RespondObservations(Page(SearchSet([Dated("o1"), Dated("bad")]), "bad"));

        var error = await Assert.ThrowsAsync<FhirProtocolException>(
            () => _host.Client.SearchAsync("Observation", [new("code", "x")], CancellationToken.None).ToListAsync().AsTask());

        Assert.Contains("Observation.effective", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("15/01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchItemsAsync_BrokenEnvelope_FailsTheSearch()
    {
        var page = Page(SearchSet([Dated("o1"), Dated("bad")]), "bad").Replace("\"searchset\"", "\"not-a-bundle-type\"", StringComparison.Ordinal);
        RespondObservations(page);

        await Assert.ThrowsAsync<FhirProtocolException>(
            () => _host.Client.SearchItemsAsync("Observation", [new("code", "x")], CancellationToken.None).ToListAsync().AsTask());
    }

    private static Observation Dated(string id)
    {
        var observation = Observation(id);
        observation.Subject = new ResourceReference("Patient/p1");
        observation.Effective = new FhirDateTime(GoodDate);
        return observation;
    }

    /// <summary>The page's JSON with the effective date of <paramref name="brokenId"/> replaced by one no parser takes.</summary>
    private static string Page(Bundle page, string brokenId)
    {
        var broken = page.Entry.Single(e => e.Resource?.Id == brokenId).Resource!;
        var good = Json(broken);
        return Json(page).Replace(good, good.Replace(GoodDate, BadDate, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private void RespondObservations(string body) =>
        _host.Server.Given(Request.Create().WithPath("/fhir/Observation"))
            .RespondWith(Response.Create().WithHeader("Content-Type", FhirMediaType.Json).WithBody(body));
}
