using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interop.Sync;

/// <summary>Writes the machine-readable run report (camelCase JSON).</summary>
internal static class RunReportWriter
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task WriteAsync(RunReport report, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(stream, report, Options, cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
    }
}
