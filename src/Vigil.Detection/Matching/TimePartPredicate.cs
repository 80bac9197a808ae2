using System.Globalization;
using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>
/// <c>minute</c>, <c>hour</c>, <c>day</c>, <c>week</c>, <c>month</c>, <c>year</c>: a part of the date in the value
/// (ISO 8601, or Unix seconds or milliseconds), compared with the rule's number (equal, or with <c>lt</c>,
/// <c>lte</c>, <c>gt</c>, <c>gte</c>, <c>neq</c>). As the specification warns, no time zone conversion is done:
/// the part is read from the value as written (UTC when it carries no offset). A value that is not a date does not
/// match.
/// </summary>
internal sealed class TimePartPredicate(string part, string op, double number) : ValuePredicate
{
    public override bool Test(string value, LogEvent e)
    {
        if (!TryDate(value, out var date))
        {
            return false;
        }

        double actual = part switch
        {
            "minute" => date.Minute,
            "hour" => date.Hour,
            "day" => date.Day,
            "week" => ISOWeek.GetWeekOfYear(date.DateTime),
            "month" => date.Month,
            _ => date.Year,
        };
        return op switch
        {
            "lt" => actual < number,
            "lte" => actual <= number,
            "gt" => actual > number,
            "gte" => actual >= number,
            "neq" => actual != number,
            _ => actual == number,
        };
    }

    private static bool TryDate(string value, out DateTimeOffset date)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            return true;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            && epoch is >= 0 and < 253_402_300_800_000)
        {
            date = epoch > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : DateTimeOffset.FromUnixTimeSeconds(epoch);
            return true;
        }

        return false;
    }
}
