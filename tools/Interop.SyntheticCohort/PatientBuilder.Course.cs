using Hl7.Fhir.Model;
using Status = Hl7.Fhir.Model.MedicationAdministration.MedicationAdministrationStatusCodes;

namespace Interop.SyntheticCohort;

internal sealed partial class PatientBuilder
{
    private const decimal DosePerSquareMetrePerDay = 15m;

    private List<Bag>? _bags;

    /// <summary>One blinatumomab bag: local wall-clock start and end.</summary>
    private sealed record Bag(DateTime Start, DateTime End, Status Status, bool AdverseReaction);

    /// <summary>
    /// The bags of the scenario's course. Completed courses cover 28 days plus 2-4 hours, so the
    /// whole-day count is 28 whether the covered time is measured on the wall clock or in instants
    /// across a daylight-saving change.
    /// </summary>
    private List<Bag> BagTimes()
    {
        if (_bags is not null)
        {
            return _bags;
        }

        var start = LocalClock.At(CourseStart, 8 * 60 + _random.Next(9) * 15);
        var margin = 120 + _random.Next(9) * 15;
        var done = Status.Completed;
        (int From, int To, Status Status, bool Toxic)[] hours = _s.Course switch
        {
            CourseKind.FourBagsOfSeven => [(0, 168, done, false), (168, 336, done, false), (336, 504, done, false), (504, 672, done, false)],
            CourseKind.SevenBagsOfFour => [.. Enumerable.Range(0, 7).Select(i => (i * 96, (i + 1) * 96, done, false))],
            // A 36-hour gap between bags 2 and 3; the course still reaches 28 days.
            CourseKind.Interrupted => [(0, 168, done, false), (168, 336, done, false), (372, 540, done, false), (540, 708, done, false)],
            // Stopped for toxicity on day 11, resumed 5 days later, 28 days in all.
            CourseKind.ToxicityResumed => [(0, 168, done, false), (168, 240, Status.Stopped, true), (360, 528, done, false), (528, 696, done, false), (696, 792, done, false)],
            CourseKind.DiscontinuedToxicity => [(0, 168, done, false), (168, 222, Status.Stopped, true)],
            CourseKind.DiscontinuedOther => [(0, 168, done, false), (168, 240, Status.Stopped, false)],
            CourseKind.DeathDuringCourse => [(0, 168, done, false), (168, 292, Status.Stopped, false)],
            _ => [],
        };
        var full = _s.Course is CourseKind.FourBagsOfSeven or CourseKind.SevenBagsOfFour or CourseKind.Interrupted or CourseKind.ToxicityResumed;
        _bags = [.. hours.Select((h, i) => new Bag(
            start.AddHours(h.From),
            start.AddHours(h.To).AddMinutes(full && i == hours.Length - 1 ? margin : 0),
            h.Status,
            h.Toxic))];
        return _bags;
    }

    private void AddCourse()
    {
        if (_s.Course == CourseKind.None)
        {
            return;
        }

        var bsa = Bsa(CourseStart.AddDays(-1));
        var medication = _s.RxNorm
            ? Fhir.Concept(Codes.RxNorm, "1597267", "BLINCYTO")
            : Fhir.Concept(Codes.Atc, "L01FX07", "blinatumomab");
        var bags = BagTimes();
        foreach (var bag in bags)
        {
            var days = (decimal)(bag.End - bag.Start).TotalHours / 24m;
            var administration = Fhir.Administration(NextId("mad-blina"), Pid, medication, Fhir.Period(Local(bag.Start), Local(bag.End)), bag.Status);
            administration.Dosage = new MedicationAdministration.DosageComponent
            {
                Text = "15 ug/m2/day continuous intravenous infusion",
                Route = Fhir.Concept(Codes.Snomed, "47625008", "Intravenous route"),
                Dose = Fhir.Ucum(Math.Round(DosePerSquareMetrePerDay * days * bsa, 1), "ug"),
            };
            if (bag.AdverseReaction)
            {
                administration.StatusReason = [Fhir.Concept(Codes.Snomed, Codes.AdverseReaction, "Adverse reaction")];
            }

            _out.Add(administration);
        }

        AddCourseMrd(DateOnly.FromDateTime(bags[^1].End));
    }

    private void AddCourseMrd(DateOnly lastEnd)
    {
        var full = _s.Course is CourseKind.FourBagsOfSeven or CourseKind.SevenBagsOfFour or CourseKind.Interrupted or CourseKind.ToxicityResumed;
        if (full)
        {
            // Day 15 of the course; never the deciding result.
            var version = _s.CorrectedDay15Mrd ? 2 : 1;
            var status = _s.CorrectedDay15Mrd ? ObservationStatus.Corrected : ObservationStatus.Final;
            Mrd(CourseStart.AddDays(14), Codes.MrdPcr, Fhir.Ucum(_random.Next(10, 400) / 1_000_000m, "1"), status, version);
        }

        // Day 29, or a few days after a course stopped early (within the 7-day window).
        var date = full ? lastEnd : lastEnd.AddDays(2);
        var negative = LocalCode(Codes.MrdNegative, "Negative");
        switch (_s.Mrd)
        {
            case MrdKind.Negative:
                Mrd(date, Codes.MrdPcr, negative);
                break;
            case MrdKind.LowPcr:
                Mrd(date, Codes.MrdPcr, Fhir.Ucum(_s.MrdValue ?? 0.0001m, "1"));
                break;
            case MrdKind.PositiveNotQuantifiable:
                Mrd(date, Codes.MrdPcr, LocalCode(Codes.PositiveNotQuantifiable, "Positive, not quantifiable"));
                break;
            case MrdKind.HighPcr:
                Mrd(date, Codes.MrdPcr, Fhir.Ucum(_s.MrdValue ?? 0.001m, "1"));
                break;
            case MrdKind.LowPercent:
                Mrd(date, Codes.MrdFlow, Fhir.Ucum(_s.MrdValue ?? 0.01m, "%"));
                break;
            case MrdKind.PcrHighAndFlowNegativeSameDay:
                // The flow result is later in the day; PCR still decides.
                MrdAt(At(date, 8, 11), Codes.MrdPcr, Fhir.Ucum(0.0008m, "1"));
                MrdAt(At(date, 13, 17), Codes.MrdFlow, negative);
                break;
            case MrdKind.PreliminaryHighFinalNegative:
                // Same specimen time: only the status tells them apart.
                var effective = At(date, 9, 12);
                MrdAt(effective, Codes.MrdPcr, Fhir.Ucum(0.002m, "1"), ObservationStatus.Preliminary);
                MrdAt(effective, Codes.MrdPcr, negative);
                break;
            default:
                break;
        }
    }
}
