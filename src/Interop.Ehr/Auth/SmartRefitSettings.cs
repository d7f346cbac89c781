using System.Globalization;
using System.Text.Json;
using Interop.Ehr.Rest;
using Refit;

namespace Interop.Ehr.Auth;

/// <summary>
/// Refit settings for the SMART configuration and token endpoints: plain JSON, and errors as
/// <see cref="EhrAuthenticationException"/> naming the status and the OAuth <c>error</c> code only
/// (an error_description can echo the assertion's claims).
/// </summary>
internal static class SmartRefitSettings
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    public static RefitSettings Create() =>
        new()
        {
            ExceptionFactory = CreateExceptionAsync,
            DeserializationExceptionFactory = (response, error) =>
                ValueTask.FromResult<Exception?>(new EhrAuthenticationException(
                    $"The SMART answer to {RequestDescription.Method(response.RequestMessage)} {RequestDescription.Path(response.RequestMessage)} is not the JSON expected ({FhirErrorDescriptions.Describe(error)}).")),
            TransportExceptionFactory = FhirRefitSettings.MapTransportException,
        };

    private static async ValueTask<Exception?> CreateExceptionAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var method = RequestDescription.Method(response.RequestMessage);
        var path = RequestDescription.Path(response.RequestMessage);
        var error = await TryReadOAuthErrorAsync(response);
        var what = path.EndsWith("/.well-known/smart-configuration", StringComparison.Ordinal)
            ? "The EHR has no readable SMART configuration (set Auth:TokenEndpoint)"
            : "The SMART token endpoint refused the token request";
        return new EhrAuthenticationException(string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {method} {path} -> HTTP {(int)response.StatusCode}{(error is null ? string.Empty : $", error {error}")}."));
    }

    private static async Task<string?> TryReadOAuthErrorAsync(HttpResponseMessage response)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync();
            if (body.Length is 0 or > MaxErrorBodyBytes)
            {
                return null;
            }

            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error)
                && error.GetString() is { } code
                && code.Length <= 64
                && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
                ? code
                : null;
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException or InvalidOperationException)
        {
            return null;
        }
    }
}
