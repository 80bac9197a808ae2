using Vigil.Storage.Alerts;

namespace Vigil.Monitoring.Tests.Delivery;

/// <summary>Alerts whose details hold a recognisable stand-in for patient data, which email must never carry.</summary>
internal static class TestAlerts
{
    public const string PatientMarker = "PATIENT-NHS-9434765919";

    public static Alert Create(long id, DateTimeOffset createdAt) => new(
        id,
        "5c2a1e0f-rule",
        "Mass download of patient records",
        "high",
        "user=alice@clinic.example",
        createdAt.AddMinutes(-10),
        createdAt.AddMinutes(-1),
        7,
        [101, 102, 103],
        "open",
        createdAt,
        $$$"""{"tags":["attack.collection"],"matched":{"CommandLine":"export {{{PatientMarker}}}"}}""");
}
