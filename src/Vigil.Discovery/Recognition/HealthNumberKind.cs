namespace Vigil.Discovery.Recognition;

/// <summary>The scheme a modulus-11-valid 10-digit number falls in by its range.</summary>
internal enum HealthNumberKind
{
    /// <summary>England, Wales, Isle of Man (3xx outside H&amp;C, 4xx, 6xx, 7xx).</summary>
    Nhs,

    /// <summary>999 000 0000–999 999 9999: valid for testing, never issued.</summary>
    NhsTest,

    /// <summary>Scottish CHI: first six digits a valid DDMMYY.</summary>
    Chi,

    /// <summary>Northern Ireland H&amp;C: 320 000 001–399 999 999.</summary>
    NorthernIreland,

    /// <summary>Passes the check but sits in no issued range.</summary>
    Unallocated,
}
