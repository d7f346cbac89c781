using Hl7.Fhir.Model;
using Status = Hl7.Fhir.Model.MedicationAdministration.MedicationAdministrationStatusCodes;

namespace Interop.SyntheticCohort;

/// <summary>Writes one scenario patient's resources. Randomness only moves values within the scenario's class.</summary>
internal sealed partial class PatientBuilder
{
    private readonly Scenario _s;
    private readonly Random _random;
    private readonly int _noise;
    private readonly List<Resource> _out = [];
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);

    private PatientBuilder(Scenario scenario, Random random, int noise)
    {
        _s = scenario;
        _random = random;
        _noise = noise;
    }

    private string Pid => _s.Id;

    private DateOnly Dx => _s.Diagnosis;

    private DateOnly CourseStart => Dx.AddDays(_s.CourseStartDay);

    public static List<Resource> Build(Scenario scenario, Random random, int noise)
    {
        var builder = new PatientBuilder(scenario, random, noise);
        builder.BuildAll();
        return builder._out;
    }

    /// <summary>A patient with only irrelevant resources.</summary>
    public static List<Resource> BuildNonCandidate(string id, Random random, int noise)
    {
        var diagnosis = new DateOnly(2019, 1, 1).AddDays(random.Next(1641));
        var scenario = new Scenario { Id = id, Name = "non-candidate", Diagnosis = diagnosis, AgeAtDiagnosisDays = 20 + random.Next(330) };
        var builder = new PatientBuilder(scenario, random, noise);
        builder._out.Add(builder.NewPatient(id, null, null));
        builder.AddNoise();
        return builder._out;
    }

    private void BuildAll()
    {
        var death = DeathTime();
        if (_s.Merged)
        {
            var old = NewPatient($"{Pid}-old", null, null);
            old.Active = false;
            old.Link = [new Patient.LinkComponent { Other = Fhir.Ref(Pid), Type = Patient.LinkType.ReplacedBy }];
            var current = NewPatient(Pid, death, null);
            current.Link = [new Patient.LinkComponent { Other = Fhir.Ref($"{Pid}-old"), Type = Patient.LinkType.Replaces }];
            _out.Add(old);
            _out.Add(current);
        }
        else
        {
            _out.Add(NewPatient(Pid, death, _s.PartialBirthDate));
        }

        AddDiagnosis();
        AddDiagnosticLabs();
        AddInduction();
        AddEndOfInduction();
        AddCourse();
        AddFollowUp();
        AddNoise();
    }

    private string NextId(string kind)
    {
        _counters.TryGetValue(kind, out var n);
        _counters[kind] = ++n;
        return $"{Pid}-{kind}-{n}";
    }

    /// <summary>A jittered local time on a date, between <paramref name="fromHour"/> and <paramref name="toHour"/> in quarter hours.</summary>
    private string At(DateOnly date, int fromHour = 8, int toHour = 16) =>
        LocalClock.DateTime(LocalClock.At(date, (fromHour * 4 + _random.Next((toHour - fromHour) * 4)) * 15), _s.WithoutZone);

    private string Local(DateTime local) => LocalClock.DateTime(local, _s.WithoutZone);

    private Patient NewPatient(string id, string? deceased, string? partialBirthDate)
    {
        var patient = new Patient
        {
            Id = id,
            Meta = Fhir.Version(1),
            Active = true,
            Gender = _random.Next(2) == 0 ? AdministrativeGender.Female : AdministrativeGender.Male,
            BirthDate = partialBirthDate ?? LocalClock.Date(Dx.AddDays(-_s.AgeAtDiagnosisDays)),
        };
        if (deceased is not null)
        {
            patient.Deceased = new FhirDateTime(deceased);
        }

        return patient;
    }

    private string? DeathTime()
    {
        if (_s.Course == CourseKind.DeathDuringCourse)
        {
            return Local(BagTimes()[^1].End);
        }

        return _s.FollowUp == FollowUp.LateDeath ? At(CourseStart.AddDays(400)) : null;
    }

    private void AddDiagnosis()
    {
        var code = _s.Coding switch
        {
            DiagnosisCoding.BCellAll => Fhir.Concept(Codes.Snomed, "277571004", "B-cell acute lymphoblastic leukemia"),
            DiagnosisCoding.Icd10C910 => Fhir.Concept(Codes.Icd10, "C91.0", "Acute lymphoblastic leukaemia"),
            DiagnosisCoding.IcdO3 => Fhir.Concept(Codes.IcdO3, "9813/3", "Leukemia/lymphoma, B-lymphoblastic, with t(v;11q23.3); KMT2A rearranged"),
            _ => Fhir.Concept(Codes.Snomed, "277572006", "Precursor B-cell acute lymphoblastic leukemia"),
        };
        var condition = NewCondition(code, "active", _s.Merged ? $"{Pid}-old" : Pid);
        switch (_s.Onset)
        {
            case OnsetStyle.Period:
                condition.Onset = new Period { StartElement = new FhirDateTime(At(Dx)) };
                condition.RecordedDate = LocalClock.Date(Dx.AddDays(1));
                break;
            case OnsetStyle.RecordedOnly:
                condition.RecordedDate = LocalClock.Date(Dx);
                break;
            default:
                condition.Onset = new FhirDateTime(LocalClock.Date(Dx));
                condition.RecordedDate = LocalClock.Date(Dx.AddDays(1));
                break;
        }

        if (_s.PriorRelapseDaysBefore > 0)
        {
            var prior = NewCondition(Fhir.Concept(Codes.Snomed, "277572006", "Precursor B-cell acute lymphoblastic leukemia"), "relapse", Pid);
            prior.Onset = new FhirDateTime(LocalClock.Date(Dx.AddDays(-_s.PriorRelapseDaysBefore)));
            _out.Add(prior);
        }

        _out.Add(condition);
    }

    private Condition NewCondition(CodeableConcept code, string clinicalStatus, string subject) =>
        new()
        {
            Id = NextId("cond"),
            Meta = Fhir.Version(1),
            ClinicalStatus = Fhir.Concept(Codes.ConditionClinical, clinicalStatus, clinicalStatus switch { "relapse" => "Relapse", "resolved" => "Resolved", _ => "Active" }),
            VerificationStatus = Fhir.Concept(Codes.ConditionVerification, "confirmed", "Confirmed"),
            Category = [Fhir.Concept(Codes.ConditionCategory, "encounter-diagnosis", "Encounter Diagnosis")],
            Code = code,
            Subject = Fhir.Ref(subject),
        };

    private Observation Lab(string kind, CodeableConcept code, string effective, DataType value, ObservationStatus status = ObservationStatus.Final, int version = 1)
    {
        var observation = Fhir.Observation(NextId($"obs-{kind}"), Pid, code, "laboratory", effective, status, version);
        observation.Value = value;
        _out.Add(observation);
        return observation;
    }

    private static CodeableConcept LocalCode(string code, string display) => Fhir.Concept(Codes.LocalLab, code, display);

    private Observation MarrowBlasts(DateOnly date, decimal percent, ObservationStatus status = ObservationStatus.Final) =>
        Lab("bm", LocalCode(Codes.BmBlast, "Blasts in bone marrow (%)"), At(date), Fhir.Ucum(percent, "%"), status);

    private decimal Jitter(int fromTenths, int toTenthsExclusive) => _random.Next(fromTenths, toTenthsExclusive) / 10m;

    private decimal Bsa(DateOnly date)
    {
        var area = _random.Next(25, 46) / 100m;
        if (_s.AgeAtDiagnosisDays < 30)
        {
            area = 0.22m;
        }

        Lab("bsa", Fhir.Concept(Codes.Loinc, "8277-6", "Body surface area"), At(date), Fhir.Ucum(area, "m2"));
        return area;
    }
}
