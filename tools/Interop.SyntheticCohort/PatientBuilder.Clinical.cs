using Hl7.Fhir.Model;
using Status = Hl7.Fhir.Model.MedicationAdministration.MedicationAdministrationStatusCodes;

namespace Interop.SyntheticCohort;

internal sealed partial class PatientBuilder
{
    private void AddDiagnosticLabs()
    {
        MarrowBlasts(Dx, Jitter(700, 980));
        var wbc = _s.Wbc ?? Jitter(150, 2800);
        if (_s.WbcPerMicrolitre)
        {
            Lab("wbc", Fhir.Concept(Codes.Loinc, "26464-8", "Leukocytes [#/volume] in Blood"), At(Dx), Fhir.Ucum(wbc, "10*3/uL"));
        }
        else
        {
            Lab("wbc", Fhir.Concept(Codes.Loinc, "6690-2", "Leukocytes [#/volume] in Blood by Automated count"), At(Dx), Fhir.Ucum(wbc, "10*9/L"));
        }

        Bsa(Dx);
        AddCd19();
        AddKmt2a();
    }

    private void AddCd19()
    {
        var code = LocalCode(Codes.Cd19Blasts, "CD19 on leukemic blasts");
        var effective = At(Dx.AddDays(1));
        switch (_s.Cd19)
        {
            case Cd19Kind.CodedPositive:
                Lab("cd19", code, effective, Fhir.Concept(Codes.Snomed, Codes.Cd19Positive, "Positive"));
                break;
            case Cd19Kind.CodedNegative:
                Lab("cd19", code, effective, Fhir.Concept(Codes.Snomed, Codes.Cd19Negative, "Negative"));
                break;
            case Cd19Kind.Percent:
                Lab("cd19", code, effective, Fhir.Ucum(_s.Cd19Percent, "%"));
                break;
            default:
                break;
        }
    }

    private void AddKmt2a()
    {
        var effective = At(Dx.AddDays(2));
        var status = _s.AmendedKmt2a ? ObservationStatus.Amended : ObservationStatus.Final;
        var version = _s.AmendedKmt2a ? 2 : 1;
        var fish = Fhir.Concept(Codes.Loinc, Codes.Kmt2aFish, "MLL gene rearrangements [Presence] in Blood or Tissue by FISH");
        var present = Fhir.Concept(Codes.Loinc, Codes.Present, "Present");
        switch (_s.Kmt2a)
        {
            case Kmt2aKind.Fish:
                Lab("kmt2a", fish, effective, present, status, version);
                break;
            case Kmt2aKind.Germline:
                Lab("kmt2a", fish, effective, Fhir.Concept(Codes.Loinc, Codes.Absent, "Absent"), status, version);
                break;
            case Kmt2aKind.NotEvaluable:
                Lab("kmt2a", fish, effective, LocalCode(Codes.NotEvaluable, "Not evaluable"), status, version);
                break;
            case Kmt2aKind.Genomic or Kmt2aKind.GenomicGeneId:
                var system = _s.Kmt2a == Kmt2aKind.GenomicGeneId ? Codes.HgncGeneId : Codes.Hgnc;
                var (symbol, id) = Codes.Partners[_s.Partner];
                var variant = Lab("kmt2a", Fhir.Concept(Codes.Loinc, Codes.GenomicVariant, "Genetic variant assessment"), effective, present, status, version);
                variant.Component =
                [
                    new Observation.ComponentComponent { Code = Fhir.Concept(Codes.Loinc, Codes.GeneStudied, "Gene studied [ID]"), Value = Fhir.Concept(system, Codes.HgncKmt2a, "KMT2A") },
                    new Observation.ComponentComponent { Code = Fhir.Concept(Codes.Loinc, Codes.GeneStudied, "Gene studied [ID]"), Value = Fhir.Concept(system, id, symbol) },
                ];
                break;
            default:
                break;
        }
    }

    private void AddInduction()
    {
        var start = Dx.AddDays(_s.InductionStartDay);
        foreach (var (code, display, day, days, intrathecal) in Codes.Induction)
        {
            var first = start.AddDays(day);
            DataType effective = days > 1
                ? Fhir.Period(At(first, 8, 12), At(first.AddDays(days - 1), 16, 20))
                : new FhirDateTime(At(first, 8, 14));
            var administration = Fhir.Administration(NextId("mad-ind"), Pid, Fhir.Concept(Codes.Atc, code, display), effective);
            if (intrathecal)
            {
                administration.Dosage = new MedicationAdministration.DosageComponent { Route = Fhir.Concept(Codes.Snomed, "72607000", "Intrathecal route") };
            }

            _out.Add(administration);
        }

        // Day 8 of the prophase: peripheral-blood blasts for the prednisone response.
        var blasts = _s.Day8Blasts ?? _random.Next(0, 900);
        Lab("pbb", Fhir.Concept(Codes.Loinc, "30376-8", "Blasts [#/volume] in Blood"), At(start.AddDays(7)), Fhir.Ucum(blasts, "/uL"));
    }

    private void AddEndOfInduction()
    {
        if (_s.NoEoiMarrow)
        {
            return;
        }

        var day = Dx.AddDays(_s.EoiDay);
        MarrowBlasts(day, _s.EoiBlasts ?? Jitter(1, 49));
        Mrd(day, Codes.MrdPcr, Fhir.Ucum(_random.Next(1, 500) / 10_000m, "1"));
        if (_s.EnteredInErrorEoi)
        {
            MarrowBlasts(day.AddDays(2), 35m, ObservationStatus.EnteredInError);
        }
    }

    private void Mrd(DateOnly date, string method, DataType value, ObservationStatus status = ObservationStatus.Final, int version = 1) =>
        MrdAt(At(date, 9, 14), method, value, status, version);

    private void MrdAt(string effective, string method, DataType value, ObservationStatus status = ObservationStatus.Final, int version = 1)
    {
        var code = method == Codes.MrdPcr
            ? LocalCode(Codes.MrdPcr, "Minimal residual disease by PCR")
            : LocalCode(Codes.MrdFlow, "Minimal residual disease by flow cytometry");
        Lab("mrd", code, effective, value, status, version);
    }

    private void AddFollowUp()
    {
        if (_s.Course == CourseKind.None || _s.FollowUp is FollowUp.None or FollowUp.LateDeath)
        {
            return;
        }

        MarrowBlasts(CourseStart.AddDays(35), Jitter(1, 30));
        switch (_s.FollowUp)
        {
            case FollowUp.MarrowRelapse:
                MarrowBlasts(CourseStart.AddDays(300), 40m);
                break;
            case FollowUp.CnsRelapse:
                Csf(CourseStart.AddDays(250), 12m, 18m);
                break;
            case FollowUp.CombinedRelapse:
                MarrowBlasts(CourseStart.AddDays(320), 60m);
                Csf(CourseStart.AddDays(325), 30m, 25m);
                break;
            case FollowUp.RelapseCondition:
                var relapse = NewCondition(Fhir.Concept(Codes.Snomed, "277572006", "Precursor B-cell acute lymphoblastic leukemia"), "relapse", Pid);
                relapse.Onset = new FhirDateTime(LocalClock.Date(CourseStart.AddDays(280)));
                relapse.RecordedDate = LocalClock.Date(CourseStart.AddDays(281));
                _out.Add(relapse);
                break;
            default:
                break;
        }
    }

    private void Csf(DateOnly date, decimal blasts, decimal whiteCells)
    {
        var effective = At(date);
        Lab("csf", Fhir.Concept(Codes.Loinc, "35068-6", "Blasts [#/volume] in Cerebral spinal fluid"), effective, Fhir.Ucum(blasts, "/uL"));
        Lab("csfwbc", LocalCode(Codes.CsfWbc, "White cells in cerebrospinal fluid"), effective, Fhir.Ucum(whiteCells, "/uL"));
    }

    private void AddNoise()
    {
        for (var i = 0; i < _noise; i++)
        {
            var date = Dx.AddDays(_random.Next(-20, 150));
            switch (i % 3)
            {
                case 0:
                    var heartRate = Fhir.Observation(NextId("obs-hr"), Pid, Fhir.Concept(Codes.Loinc, "8867-4", "Heart rate"), "vital-signs", At(date, 7, 21));
                    heartRate.Value = Fhir.Ucum(_random.Next(100, 171), "/min", "beats/minute");
                    _out.Add(heartRate);
                    break;
                case 1:
                    var paracetamol = Fhir.Administration(NextId("mad-noise"), Pid, Fhir.Concept(Codes.Atc, "N02BE01", "paracetamol"), new FhirDateTime(At(date, 7, 21)));
                    paracetamol.Dosage = new MedicationAdministration.DosageComponent { Dose = Fhir.Ucum(_random.Next(40, 120), "mg") };
                    _out.Add(paracetamol);
                    break;
                default:
                    var pneumonia = NewCondition(Fhir.Concept(Codes.Snomed, "233604007", "Pneumonia"), "resolved", Pid);
                    pneumonia.Onset = new FhirDateTime(LocalClock.Date(date));
                    _out.Add(pneumonia);
                    break;
            }
        }
    }
}
