using Vigil.Ingestion.Evtx;

namespace Vigil.Ingestion.Tests.Evtx;

/// <summary>Every EVTX value type is written as the omerbenamram/evtx JSON renders write it.</summary>
public sealed class EvtxValueTests
{
    [Theory]
    [InlineData(0x01, "41 00 42 00 20 00 00 00", "AB")]
    [InlineData(0x02, "41 42 00", "AB")]
    [InlineData(0x03, "FF", "-1")]
    [InlineData(0x04, "FF", "255")]
    [InlineData(0x05, "FE FF", "-2")]
    [InlineData(0x06, "34 12", "4660")]
    [InlineData(0x07, "FF FF FF FF", "-1")]
    [InlineData(0x08, "FF FF FF FF", "4294967295")]
    [InlineData(0x09, "FF FF FF FF FF FF FF FF", "-1")]
    [InlineData(0x0a, "FF FF FF FF FF FF FF FF", "18446744073709551615")]
    [InlineData(0x0b, "00 00 C0 3F", "1.5")]
    [InlineData(0x0c, "00 00 00 00 00 00 F8 3F", "1.5")]
    [InlineData(0x0d, "01 00 00 00", "true")]
    [InlineData(0x0d, "00 00 00 00", "false")]
    [InlineData(0x0e, "DE AD BE EF", "DEADBEEF")]
    [InlineData(0x0f, "5F 38 70 57 2A C2 E0 43 BF 4C 06 F5 69 8F FB D9", "5770385F-C22A-43E0-BF4C-06F5698FFBD9")]
    [InlineData(0x10, "A8 EB 01 00 00 00 00 00", "0x1eba8")]
    [InlineData(0x11, "00 80 3E D5 DE B1 9D 01", "1970-01-01T00:00:00.0000000Z")]
    [InlineData(0x12, "E9 07 0B 00 04 00 1B 00 07 00 28 00 0A 00 A5 00", "2025-11-27T07:40:10.165Z")]
    [InlineData(0x13, "01 01 00 00 00 00 00 05 12 00 00 00", "S-1-5-18")]
    [InlineData(0x14, "A8 EB 01 00", "0x1eba8")]
    [InlineData(0x15, "00 00 00 00 00 00 00 80", "0x8000000000000000")]
    public void A_scalar_value_is_formatted_as_in_the_renders(byte type, string hex, string expected) =>
        Assert.Equal([expected], Format(type, hex));

    [Theory]
    [InlineData(0x81, "61 00 00 00 62 00 00 00", "a|b")]
    [InlineData(0x86, "01 00 02 00", "1|2")]
    [InlineData(0x94, "0A 00 00 00 FF 00 00 00", "0xa|0xff")]
    [InlineData(0x93, "01 01 00 00 00 00 00 05 12 00 00 00 01 01 00 00 00 00 00 05 13 00 00 00", "S-1-5-18|S-1-5-19")]
    public void An_array_value_gives_one_text_per_element(byte type, string hex, string expected) =>
        Assert.Equal(expected.Split('|'), Format(type, hex));

    [Fact]
    public void A_value_shorter_than_its_type_is_a_format_error() =>
        Assert.Throws<EvtxFormatException>(() => Format(0x0a, "01 02"));

    private static List<string> Format(byte type, string hex)
    {
        var values = new List<string>();
        EvtxValue.Format(type, Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), values);
        return values;
    }
}
