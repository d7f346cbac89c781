using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Ehr.Sinks;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.Sinks;

public sealed class NdjsonOutcomeSinkTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CompleteAsync_AfterWrites_WritesOneCompactLinePerResource()
    {
        await using (var sink = new NdjsonOutcomeSink(_folder.Path))
        {
            await sink.WriteAsync(Outcomes("p1"), CancellationToken.None);
            await sink.WriteAsync(Outcomes("p2"), CancellationToken.None);
            await sink.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(["Observation.ndjson", "Provenance.ndjson", "ResearchSubject.ndjson"], _folder.FileNames());
        var observations = Lines("Observation.ndjson");
        Assert.Equal(4, observations.Length);
        Assert.Equal(["o-p1-a", "o-p1-b", "o-p2-a", "o-p2-b"], observations.Select(l => Parse(l).Id));
        Assert.Equal(["prov-p1", "prov-p2"], Lines("Provenance.ndjson").Select(l => Parse(l).Id));
    }

    [Fact]
    public async Task CompleteAsync_Files_Utf8WithoutBomAndLfLineEndings()
    {
        await using (var sink = new NdjsonOutcomeSink(_folder.Path))
        {
            await sink.WriteAsync(Outcomes("p1"), CancellationToken.None);
            await sink.CompleteAsync(CancellationToken.None);
        }

        var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder.Path, "Observation.ndjson"));
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.Equal(2, bytes.Count(b => b == '\n'));
    }

    [Fact]
    public async Task WriteAsync_BeforeComplete_NothingVisible()
    {
        await using var sink = new NdjsonOutcomeSink(_folder.Path);

        await sink.WriteAsync(Outcomes("p1"), CancellationToken.None);

        Assert.False(File.Exists(Path.Combine(_folder.Path, "Observation.ndjson")));
        Assert.False(File.Exists(Path.Combine(_folder.Path, "Provenance.ndjson")));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.ndjson"));
    }

    [Fact]
    public async Task DisposeAsync_WithoutComplete_LeavesNoFiles()
    {
        await using (var sink = new NdjsonOutcomeSink(_folder.Path))
        {
            await sink.WriteAsync(Outcomes("p1"), CancellationToken.None);
        }

        Assert.Empty(_folder.FileNames());
    }

    [Fact]
    public async Task DisposeAsync_WithoutComplete_KeepsPreviousRunFiles()
    {
        await WriteRun(_folder.Path, "p1");
        var before = await File.ReadAllBytesAsync(Path.Combine(_folder.Path, "Observation.ndjson"));

        await using (var sink = new NdjsonOutcomeSink(_folder.Path))
        {
            await sink.WriteAsync(Outcomes("p2"), CancellationToken.None);
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(_folder.Path, "Observation.ndjson")));
        Assert.Equal(["Observation.ndjson", "Provenance.ndjson", "ResearchSubject.ndjson"], _folder.FileNames());
    }

    [Fact]
    public async Task CompleteAsync_TwoRunsSameInput_ByteIdenticalFiles()
    {
        var first = Path.Combine(_folder.Path, "run1");
        var second = Path.Combine(_folder.Path, "run2");

        await WriteRun(first, "p1", "p2");
        await WriteRun(second, "p1", "p2");

        foreach (var file in new[] { "Observation.ndjson", "Provenance.ndjson" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first, file)), await File.ReadAllBytesAsync(Path.Combine(second, file)));
        }
    }

    [Fact]
    public async Task CompleteAsync_ExistingFiles_Replaced()
    {
        await WriteRun(_folder.Path, "p1", "p2");

        await WriteRun(_folder.Path, "p3");

        Assert.Equal(["o-p3-a", "o-p3-b"], Lines("Observation.ndjson").Select(l => Parse(l).Id));
    }

    [Fact]
    public async Task CompleteAsync_NothingWritten_CreatesFolderAndEmptyFiles()
    {
        var output = Path.Combine(_folder.Path, "new", "out");

        await WriteRun(output);

        Assert.Equal(0, new FileInfo(Path.Combine(output, "Observation.ndjson")).Length);
        Assert.Equal(0, new FileInfo(Path.Combine(output, "Provenance.ndjson")).Length);
    }

    [Fact]
    public async Task WriteAsync_AfterComplete_Throws()
    {
        await using var sink = new NdjsonOutcomeSink(_folder.Path);
        await sink.CompleteAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sink.WriteAsync(Outcomes("p1"), CancellationToken.None));
    }

    private static async Task WriteRun(string folder, params string[] patients)
    {
        await using var sink = new NdjsonOutcomeSink(folder);
        foreach (var patient in patients)
        {
            await sink.WriteAsync(Outcomes(patient), CancellationToken.None);
        }

        await sink.CompleteAsync(CancellationToken.None);
    }

    private static PatientOutcomes Outcomes(string patientId)
    {
        Observation Outcome(string suffix, decimal value) => new()
        {
            Id = $"o-{patientId}-{suffix}",
            Status = ObservationStatus.Final,
            Code = new CodeableConcept("https://fhir.blinfant-interop.org/CodeSystem/blinfant", "mrd-after-blinatumomab", "MRD – Jörg"),
            Subject = new ResourceReference("Patient/" + patientId),
            Issued = new DateTimeOffset(2025, 3, 1, 6, 30, 0, TimeSpan.Zero),
            Value = new Quantity(value, "1"),
        };

        var observations = new List<Observation> { Outcome("a", 0.0001m), Outcome("b", 420m) };
        var provenance = new Provenance
        {
            Id = "prov-" + patientId,
            Recorded = new DateTimeOffset(2025, 3, 1, 6, 30, 0, TimeSpan.Zero),
            Target = [.. observations.Select(o => new ResourceReference("Observation/" + o.Id))],
            Agent = [new Provenance.AgentComponent { Who = new ResourceReference("Device/interop") }],
        };
        return new PatientOutcomes(patientId, observations, provenance);
    }

    private static Resource Parse(string line) => JsonSerializer.Deserialize<Resource>(line, FhirJson.Options)!;

    private string[] Lines(string file) =>
        File.ReadAllText(Path.Combine(_folder.Path, file), Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
