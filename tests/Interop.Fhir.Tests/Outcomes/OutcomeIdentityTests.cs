using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;

using Interop.Fhir.Outcomes;

namespace Interop.Fhir.Tests.Outcomes;

public sealed class OutcomeIdentityTests
{
    [Fact]
    public void IdentifierValue_WithoutTimepoint_JoinsStudyCodeAndPatient() =>
        Assert.Equal("BLINFANT/eligibility/pat-1", OutcomeIdentity.IdentifierValue("BLINFANT", OutcomeCodes.Eligibility, "pat-1"));

    [Fact]
    public void IdentifierValue_WithTimepoint_AppendsTimepoint() =>
        Assert.Equal("S/mrd-after-blinatumomab/p/day-29", OutcomeIdentity.IdentifierValue("S", OutcomeCodes.MrdAfterBlinatumomab, "p", "day-29"));

    [Theory]
    [InlineData("", "eligibility", "p")]
    [InlineData("S", " ", "p")]
    [InlineData("S", "eligibility", "")]
    public void IdentifierValue_EmptyPart_Throws(string study, string code, string patient) =>
        Assert.ThrowsAny<ArgumentException>(() => OutcomeIdentity.IdentifierValue(study, code, patient));

    [Fact]
    public void ResourceId_AnyValue_IsPrefixedLowercaseSha256Hex()
    {
        const string value = "BLINFANT/eligibility/pat-1";
        var expected = "bf-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..40];

        var id = OutcomeIdentity.ResourceId(value);

        Assert.Equal(expected, id);
        Assert.Matches("^bf-[0-9a-f]{40}$", id);
        Assert.True(Id.IsValidValue(id));
    }

    [Fact]
    public void ResourceId_SameValue_SameIdAndDifferentValueDifferentId()
    {
        Assert.Equal(OutcomeIdentity.ResourceId("S/os-status/p"), OutcomeIdentity.ResourceId("S/os-status/p"));
        Assert.NotEqual(OutcomeIdentity.ResourceId("S/os-status/p"), OutcomeIdentity.ResourceId("S/os-status/q"));
    }

    [Fact]
    public void ResourceId_NonAsciiValue_HashesUtf8() =>
        Assert.Equal(
            "bf-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("S/eligibility/Jörg")))[..40],
            OutcomeIdentity.ResourceId("S/eligibility/Jörg"));

    [Fact]
    public void All_Codes_InContractOrder() =>
        Assert.Equal(
            ["eligibility", "interfant06-risk-group", "blinatumomab-course", "mrd-after-blinatumomab", "primary-endpoint", "dfs-status", "os-status"],
            OutcomeCodes.All);

    [Theory]
    [InlineData("0.00010", "0.0001")]
    [InlineData("420.00", "420")]
    [InlineData("15.50", "15.5")]
    [InlineData("0", "0")]
    [InlineData("0.0000", "0")]
    [InlineData("123456789.123456789", "123456789.123456789")]
    public void Normalize_TrailingZeros_Removed(string input, string expected) =>
        Assert.Equal(
            expected,
            FhirValues.Normalize(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
