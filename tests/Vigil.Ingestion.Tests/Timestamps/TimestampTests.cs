using Vigil.Ingestion.Tests.Support;
using Vigil.Ingestion.Timestamps;

namespace Vigil.Ingestion.Tests.Timestamps;

public sealed class TimestampTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("2024-05-01T10:00:00Z", "2024-05-01T10:00:00.0000000+00:00")]
    [InlineData("2024-05-01T10:00:00.123456789Z", "2024-05-01T10:00:00.1234567+00:00")]
    [InlineData("2024-05-01 10:00:00.5", "2024-05-01T10:00:00.5000000+00:00")]
    [InlineData("2024-05-01T12:30:00+02:30", "2024-05-01T10:00:00.0000000+00:00")]
    [InlineData("2024-05-01T08:00:00-0200", "2024-05-01T10:00:00.0000000+00:00")]
    [InlineData("2024-05-01T10:00", "2024-05-01T10:00:00.0000000+00:00")]
    [InlineData("2024-05-01", "2024-05-01T00:00:00.0000000+00:00")]
    [InlineData("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.0000000+00:00")]
    [InlineData("1714557600", "2024-05-01T10:00:00.0000000+00:00")]
    [InlineData("1714557600.25", "2024-05-01T10:00:00.2500000+00:00")]
    [InlineData("1714557600123", "2024-05-01T10:00:00.1230000+00:00")]
    [InlineData("1714557600123456", "2024-05-01T10:00:00.1234560+00:00")]
    [InlineData("1714557600123456789", "2024-05-01T10:00:00.1234567+00:00")]
    [InlineData("/Date(1714557600123)/", "2024-05-01T10:00:00.1230000+00:00")]
    [InlineData("/Date(1714557600123+0200)/", "2024-05-01T10:00:00.1230000+00:00")]
    public void Times_parse_as_utc(string text, string expected)
    {
        Assert.True(EventTime.TryParse(text, out var time));
        Assert.Equal(expected, time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("05/01/2024 10:00")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-02-30")]
    [InlineData("2024-05-01T25:00:00Z")]
    [InlineData("2024-05-01T10:00:00+99:00")]
    [InlineData("2024-05-01T10:00:00Zjunk")]
    [InlineData("-5")]
    [InlineData("42")]
    [InlineData("0.125")]
    [InlineData("99999999999999999999")]
    [InlineData("12:30")]
    public void Other_text_gives_no_time(string text) => Assert.False(EventTime.TryParse(text, out _));

    [Fact]
    public void The_first_present_time_field_wins_in_order_of_preference()
    {
        var path = _temp.File("a.json", """
            {"date":"2001-01-01","time":"2002-02-02T00:00:00Z","@timestamp":"2003-03-03T00:00:00Z"}
            {"date":"2001-01-01","TimeGenerated":1714557600}
            {"timestamp":"not a time","CreationTime":"2004-04-04T00:00:00Z"}
            {"message":"no time here"}
            {"nested":{"@timestamp":"2003-03-03T00:00:00Z"}}
            """);

        var times = Reading.Of(path).Events.Select(e => e.Timestamp?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["2003-03-03", "2024-05-01", "2004-04-04", null, null], times);
    }
}
