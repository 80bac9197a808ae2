namespace Vigil.Discovery.Recognition;

/// <summary>Checksums and range rules of the 10-digit health numbers (NHS, CHI, H&amp;C).</summary>
internal static class Checksums
{
    /// <summary>NHS Data Dictionary modulus 11: weights 10..2 on digits 1-9; check 11 → 0, 10 → invalid.</summary>
    public static bool Modulus11(ReadOnlySpan<char> tenDigits)
    {
        if (tenDigits.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (tenDigits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == tenDigits[9] - '0';
    }

    /// <summary>Which scheme a mod-11-valid number belongs to, by range (phi.md §4).</summary>
    public static HealthNumberKind Classify(ReadOnlySpan<char> tenDigits)
    {
        var first3 = ((tenDigits[0] - '0') * 100) + ((tenDigits[1] - '0') * 10) + (tenDigits[2] - '0');
        if (first3 == 999)
        {
            return HealthNumberKind.NhsTest;
        }

        if (first3 >= 320 && first3 <= 399)
        {
            return HealthNumberKind.NorthernIreland;
        }

        if (IsDdMmYy(tenDigits[..6]))
        {
            return HealthNumberKind.Chi;
        }

        return tenDigits[0] is '3' or '4' or '6' or '7' ? HealthNumberKind.Nhs : HealthNumberKind.Unallocated;
    }

    /// <summary>True when six digits read as a valid day, month and two-digit year.</summary>
    public static bool IsDdMmYy(ReadOnlySpan<char> six)
    {
        var day = ((six[0] - '0') * 10) + (six[1] - '0');
        var month = ((six[2] - '0') * 10) + (six[3] - '0');
        var year = ((six[4] - '0') * 10) + (six[5] - '0');
        return month is >= 1 and <= 12 && day >= 1 && day <= DaysIn(month, year);
    }

    /// <summary>Days in a month; a two-digit year divisible by 4 counts as leap (00 included).</summary>
    public static int DaysIn(int month, int year) => month switch
    {
        2 => year % 4 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
