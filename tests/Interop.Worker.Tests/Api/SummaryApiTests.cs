using System.Net;
using Refit;

namespace Interop.Worker.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class SummaryApiTests(ApiServer server)
{
    [Fact]
    public async Task GetSummaryAsync_AsOf_ReturnsTheReportOfThatDate()
    {
        var asOf = new DateOnly(2026, 2, 1);

        var summary = await server.ClientWithKey(ApiServer.ReadKey).GetSummaryAsync(asOf);

        Assert.Equal(FakeTrialSummarySource.Summary(asOf).AsOf, summary.AsOf);
        Assert.Equal((30, 4, 0.816), (summary.Patients, summary.RelapsesWithCns, summary.Dfs.TwoYear!.Estimate));
    }

    [Fact]
    public async Task GetSummaryAsync_NothingRecorded_Is404()
    {
        var ex = await Assert.ThrowsAsync<ValidationApiException>(() =>
            server.ClientWithKey(ApiServer.ReadKey).GetSummaryAsync(FakeTrialSummarySource.FirstRecorded.AddDays(-1)));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task GetSummaryAsync_Ehr_ReturnsThatTargetsReport()
    {
        var summary = await server.ClientWithKey(ApiServer.ReadKey).GetSummaryAsync(FakeTrialSummarySource.Ambiguous, "hospital-a");

        Assert.Equal("hospital-a", summary.Target);
        Assert.Equal(30, summary.SurvivalPopulation.InAnalysis);
    }

    [Fact]
    public async Task GetSummary_SeveralTargetsNoneNamed_Is400ProblemListingThem()
    {
        using var http = server.Http(ApiServer.ReadKey);

        using var response = await http.GetAsync(new Uri($"/api/v1/trial/summary?asOf={FakeTrialSummarySource.Ambiguous:yyyy-MM-dd}", UriKind.Relative));
        var problem = await ProblemJson.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["file", "hospital-a"], problem.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task GetSummaryAsync_UnknownEhr_Is404()
    {
        var ex = await Assert.ThrowsAsync<ValidationApiException>(() =>
            server.ClientWithKey(ApiServer.ReadKey).GetSummaryAsync(ehr: "nowhere"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task GetSummary_AsOfNotADate_Is400NamingIt()
    {
        using var http = server.Http(ApiServer.ReadKey);

        using var response = await http.GetAsync(new Uri("/api/v1/trial/summary?asOf=01/02/2026", UriKind.Relative));
        var problem = await ProblemJson.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("asOf", out _));
    }

    [Fact]
    public async Task GetSummary_SourceThrows_Is500WithoutTheExceptionMessage()
    {
        using var http = server.Http(ApiServer.ReadKey);

        using var response = await http.GetAsync(new Uri($"/api/v1/trial/summary?asOf={FakeTrialSummarySource.Failing:yyyy-MM-dd}", UriKind.Relative));
        var problem = await ProblemJson.ReadAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("Jane", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), problem.ToString(), StringComparison.Ordinal);
    }
}
