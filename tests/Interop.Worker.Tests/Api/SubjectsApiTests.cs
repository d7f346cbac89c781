using System.Net;
using Interop.Client;
using Refit;

namespace Interop.Worker.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class SubjectsApiTests(ApiServer server)
{
    private readonly IInteropApi _api = server.ClientWithKey(ApiServer.ReadKey);

    [Fact]
    public async Task ListSubjectsAsync_Paged_ReturnsThePageAndTheTotal()
    {
        var first = await _api.ListSubjectsAsync(ehr: "epic", take: 4);
        var second = await _api.ListSubjectsAsync(ehr: "epic", skip: 4, take: 4);

        Assert.Equal((6, 0, 4), (first.Total, first.Skip, first.Take));
        Assert.Equal(["p-eligible", "p-followup", "p-ineligible", "p-onstudy"], first.Items.Select(s => s.PatientId));
        Assert.Equal(["p-shared", "p-undetermined"], second.Items.Select(s => s.PatientId));
        Assert.All(first.Items, s => Assert.Equal("epic", s.Ehr));
    }

    [Fact]
    public async Task ListSubjectsAsync_ByVerdictAndStatus_Filters()
    {
        var undetermined = await _api.ListSubjectsAsync(verdict: "undetermined");
        var followUp = await _api.ListSubjectsAsync(status: "follow-up");

        Assert.Equal([("epic", "p-undetermined"), ("file", "p-file-only")], undetermined.Items.Select(s => (s.Ehr, s.PatientId)));
        var subject = Assert.Single(followUp.Items);
        Assert.Equal(("p-followup", "eligible", "completed"), (subject.PatientId, subject.Verdict, subject.CourseState));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(200, 8)]
    public async Task ListSubjectsAsync_TakeAtTheBounds_Is200(int take, int expectedItems)
    {
        var page = await _api.ListSubjectsAsync(take: take);

        Assert.Equal(expectedItems, page.Items.Count);
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=201", "take")]
    [InlineData("take=ten", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("verdict=maybe", "verdict")]
    [InlineData("status=on-trial", "status")]
    [InlineData("ehr=", "ehr")]
    public async Task ListSubjects_BadParameter_Is400NamingIt(string query, string parameter)
    {
        using var http = server.Http(ApiServer.ReadKey);

        using var response = await http.GetAsync(new Uri("/api/v1/subjects?" + query, UriKind.Relative));
        var problem = await ProblemJson.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task ListSubjectsAsync_BadTakeThroughTheClient_IsValidationApiException()
    {
        var ex = await Assert.ThrowsAsync<ValidationApiException>(() => _api.ListSubjectsAsync(take: 0));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("take", ex.Content!.Errors.Keys);
    }

    [Fact]
    public async Task GetSubjectAsync_OnOneEhr_ReturnsEverythingWithReasonsInWords()
    {
        var subject = await _api.GetSubjectAsync("p-ineligible");

        Assert.Equal(("epic", "ineligible", "ineligible", server.CompletedRunId), (subject.Ehr, subject.Verdict, subject.ResearchSubjectStatus, subject.RunId));
        Assert.Equal(SeedSubjects.AsOf, subject.AsOf);
        Assert.Equal(7, subject.Criteria.Count);
        var kmt2a = Assert.Single(subject.Criteria, c => c.Status == "not-met");
        Assert.Equal(("kmt2a-rearranged", "KMT2A rearranged (risk group MR or HR)", SeedSubjects.KmtReason), (kmt2a.Id, kmt2a.DisplayName, kmt2a.Reason));
        Assert.Equal(["Patient/p-ineligible"], subject.Criteria[0].EvidenceIds);
    }

    [Fact]
    public async Task GetSubjectAsync_OnStudy_HasCourseAndEndpoints()
    {
        var subject = await _api.GetSubjectAsync("p-followup", ehr: "epic");

        Assert.Equal(("MR", "completed", 28, "negative"), (subject.RiskGroup, subject.CourseState, subject.CourseInfusionDays, subject.MrdClass));
        Assert.Equal(("no-event", "event-free", "alive"), (subject.PrimaryEndpoint, subject.DfsStatus, subject.OsStatus));
    }

    [Fact]
    public async Task GetSubjectAsync_Unknown_Is404ProblemDetails()
    {
        var ex = await Assert.ThrowsAsync<ValidationApiException>(() => _api.GetSubjectAsync("p-nobody"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("application/problem+json", ex.ContentHeaders?.ContentType?.MediaType);
        Assert.Equal(404, ex.Content!.Status);
    }

    [Fact]
    public async Task GetSubjectAsync_OnTwoEhrsWithoutEhr_Is409NamingThem()
    {
        var ex = await Assert.ThrowsAsync<ValidationApiException>(() => _api.GetSubjectAsync("p-shared"));
        var onFile = await _api.GetSubjectAsync("p-shared", ehr: "file");

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Equal("EHRs: epic, file", ex.Content!.Detail);
        Assert.Equal("ineligible", onFile.Verdict);
    }

    [Fact]
    public async Task GetSubjectAsync_KnownIdOnAnotherEhr_Is404()
    {
        var ex = await Assert.ThrowsAsync<ValidationApiException>(() => _api.GetSubjectAsync("p-file-only", ehr: "epic"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task GetSubjectAsync_NotAFhirId_Is400()
    {
        var ex = await Assert.ThrowsAsync<ValidationApiException>(() => _api.GetSubjectAsync(new string('a', 65)));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("patientId", ex.Content!.Errors.Keys);
    }
}
