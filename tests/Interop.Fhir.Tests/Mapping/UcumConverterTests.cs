using Interop.Fhir.Units;

namespace Interop.Fhir.Tests.Mapping;

public class UcumConverterTests
{
    [Theory]
    [InlineData("0.01", "%", "1", "0.0001")]
    [InlineData("0.45", "1", "%", "45")]
    [InlineData("12.5", "10*3/uL", "10*9/L", "12.5")]
    [InlineData("1.5", "10*9/L", "/uL", "1500")]
    [InlineData("0.105", "mg", "ug", "105")]
    [InlineData("0.015", "mg/m2", "ug/m2", "15")]
    [InlineData("3000", "cm2", "m2", "0.3")]
    [InlineData("7", "{cells}/uL", "/uL", "7")]
    [InlineData("15", "ug/m2/d", "ug/m2/d", "15")]
    [InlineData("0.025", "mg/L", "ug/mL", "0.025")]
    [InlineData("25", "ng/mL", "ug/mL", "0.025")]
    public void TryConvert_CommensurableUnits_Converts(string value, string from, string to, string expected)
    {
        Assert.True(UcumConverter.TryConvert(decimal.Parse(value), from, to, out var converted));
        Assert.Equal(decimal.Parse(expected), converted);
    }

    [Theory]
    [InlineData("mg", "1")]
    [InlineData("[iU]", "1")]
    [InlineData("ug/m2", "ug")]
    [InlineData("ug/m2/d", "ug/d")]
    [InlineData("ug/kg/d", "ug/m2/d")]
    [InlineData("mL/h", "ug/d")]
    [InlineData("not-a-unit", "1")]
    [InlineData("", "1")]
    public void TryConvert_IncommensurableOrUnknown_False(string from, string to)
    {
        Assert.False(UcumConverter.TryConvert(1m, from, to, out _));
    }
}
