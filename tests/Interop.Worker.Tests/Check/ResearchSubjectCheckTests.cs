using Hl7.Fhir.Model;
using Interop.Worker.Check;

namespace Interop.Worker.Tests.Check;

public sealed class ResearchSubjectCheckTests
{
    [Theory]
    [InlineData(true, true, CheckStatus.Pass, "is written")]
    [InlineData(true, false, CheckStatus.Pass, "is off")]
    [InlineData(false, true, CheckStatus.Warn, "only outcomes and Provenance")]
    [InlineData(false, false, CheckStatus.Pass, "is off")]
    public void ResearchSubject_SupportAndSetting_PassOrWarnNamingTheSetting(bool supported, bool enabled, CheckStatus expected, string says)
    {
        var capabilities = new CapabilityStatement
        {
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Resource = supported
                        ? [new CapabilityStatement.ResourceComponent { Type = "ResearchSubject", ConditionalUpdate = true, ConditionalDelete = CapabilityStatement.ConditionalDeleteStatus.Single }]
                        : [],
                },
            ],
        };

        var line = CapabilityChecks.ResearchSubject(capabilities, enabled, "hospital");

        Assert.Equal(expected, line.Status);
        Assert.Equal(CheckNames.ResearchSubject, line.Check);
        Assert.Contains(says, line.Detail, StringComparison.Ordinal);
        if (!supported || !enabled)
        {
            Assert.Contains("Ehrs:hospital:WriteResearchSubject", line.Detail, StringComparison.Ordinal);
        }
    }
}
