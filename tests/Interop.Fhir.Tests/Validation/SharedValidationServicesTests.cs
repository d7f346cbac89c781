using Hl7.Fhir.Model;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Validation;

namespace Interop.Fhir.Tests.Validation;

/// <summary>
/// Validators share one set of definitions, terminology and compiled schemas: used from several threads at once
/// they give exactly what one validator gives alone, valid and broken resources alike.
/// </summary>
[Collection(ValidationCollection.Name)]
public sealed class SharedValidationServicesTests(ValidatorFixture fixture)
{
    [Fact]
    public void Validate_FourThreadsOnSharedServices_SameIssuesAsOneValidator()
    {
        var resources = Workload();
        var expected = resources.Select(r => Describe(fixture.Validator.Validate(r))).ToList();
        Assert.Contains(expected, e => e.StartsWith("invalid", StringComparison.Ordinal));
        Assert.Contains(expected, e => e.StartsWith("valid", StringComparison.Ordinal));

        var pool = new OutcomeValidatorPool();
        var actual = new string[4][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            using var lease = pool.Rent();
            var results = new string[resources.Count];

            // Each thread starts at a different resource, so different profiles are validated at the same time.
            for (var step = 0; step < resources.Count; step++)
            {
                var i = (step + (thread * 7)) % resources.Count;
                results[i] = Describe(lease.Validator.Validate(resources[i]));
            }

            actual[thread] = results;
        });

        foreach (var results in actual)
        {
            Assert.Equal(expected, results);
        }
    }

    [Fact]
    public void Validate_SecondValidatorOnWarmServices_StillRejectsBrokenResourceWithValidatorMessage()
    {
        // A second validator reuses the schemas the fixture's validator compiled: no check may be skipped.
        var validator = new OutcomeValidator();
        var observation = fixture.Outcome(OutcomeCodes.Eligibility);
        Assert.IsType<CodeableConcept>(observation.Value).Coding[0].Code = "alive";

        var first = validator.Validate(observation);
        var again = validator.Validate(observation);

        Assert.False(first.IsValid);
        var issue = Assert.Single(first.Errors);
        Assert.Equal("code-invalid", issue.Code);
        Assert.Contains("alive", issue.Message, StringComparison.Ordinal);
        Assert.Equal(Describe(first), Describe(again));
        Assert.True(validator.Validate(fixture.Outcome(OutcomeCodes.Eligibility)).IsValid);
    }

    /// <summary>Every sample outcome, and a broken copy of one of each profile.</summary>
    private List<Resource> Workload()
    {
        var valid = fixture.SampleOutcomes.Take(6).SelectMany(o => o.All()).ToList();
        var broken = valid
            .OfType<Observation>()
            .GroupBy(o => o.Code.Coding[0].Code)
            .Select(g =>
            {
                var copy = (Observation)g.First().DeepCopy();
                copy.Status = ObservationStatus.Registered;
                copy.Identifier.Clear();
                return (Resource)copy;
            });
        return [.. valid, .. broken];
    }

    private static string Describe(OutcomeValidation result) =>
        (result.IsValid ? "valid " : "invalid ") + result.Profile + ": "
        + string.Join(" | ", result.Issues.Select(i => $"{i.Severity} {i.Code} {i.Number} {i.Location} {i.Message}"));
}
