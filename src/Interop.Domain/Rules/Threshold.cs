using Interop.Domain.Facts;

namespace Interop.Domain.Rules;

/// <summary>Compares a quantity, honouring its comparator, against a threshold.</summary>
internal static class Threshold
{
    /// <summary>True when the true value is certainly below <paramref name="limit"/>, false when certainly at or above it, null when the comparator leaves it open.</summary>
    public static bool? IsBelow(decimal amount, Comparator comparator, decimal limit) => comparator switch
    {
        Comparator.None => amount < limit,
        Comparator.LessThan => amount <= limit ? true : null,
        Comparator.LessOrEqual => amount < limit ? true : null,
        Comparator.GreaterThan or Comparator.GreaterOrEqual => amount >= limit ? false : null,
        _ => null,
    };

    /// <summary><see cref="IsBelow(decimal, Comparator, decimal)"/> for a result; null when it has no amount.</summary>
    public static bool? IsBelow(LabResult result, decimal limit) =>
        result.Amount is { } amount ? IsBelow(amount, result.Comparator, limit) : null;

    /// <summary>True when the true value is certainly above zero, false when certainly zero, null otherwise.</summary>
    public static bool? IsAboveZero(LabResult result) => result switch
    {
        { Amount: { } a, Comparator: Comparator.None } => a > 0,
        { Amount: { } a, Comparator: Comparator.GreaterThan } when a >= 0 => true,
        { Amount: { } a, Comparator: Comparator.GreaterOrEqual } when a > 0 => true,
        { Finding: Finding.Positive } => true,
        { Finding: Finding.Negative } => false,
        _ => null,
    };

    /// <summary>The amount with its comparator, e.g. "&lt;0.01".</summary>
    public static string Describe(LabResult result) => result.Comparator switch
    {
        Comparator.LessThan => "<",
        Comparator.LessOrEqual => "<=",
        Comparator.GreaterThan => ">",
        Comparator.GreaterOrEqual => ">=",
        _ => string.Empty,
    } + result.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
