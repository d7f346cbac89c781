using Interop.Domain.Cohort;
using Interop.Worker.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Report;

/// <summary>Registers the cohort report: <see cref="CohortReportOptions"/> (section <c>Report</c>) and <see cref="ITrialSummarySource"/>.</summary>
internal static class ReportServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CohortReportOptions>()
            .Bind(configuration.GetSection(CohortReportOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CohortReportOptions>, CohortReportOptionsValidator>();
        services.AddSingleton<CohortReportService>();
        services.AddSingleton<ICohortPlot, CohortPlotRenderer>();
        services.AddSingleton<ITrialSummarySource>(sp => sp.GetRequiredService<CohortReportService>());
    }

    /// <summary>Resolves the report's options now: invalid values throw <see cref="OptionsValidationException"/>, unknown keys <see cref="ConfigurationException"/>.</summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<CohortReportOptions>>().Value;
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }
}

/// <summary>Validates the historical figures on start.</summary>
internal sealed class CohortReportOptionsValidator : IValidateOptions<CohortReportOptions>
{
    public ValidateOptionsResult Validate(string? name, CohortReportOptions options) =>
        InteropOptionsValidator.ToResult(options.Validate());
}
