using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Discovery.Subjects;

namespace Vigil.Response.Breach;

/// <summary>
/// The sealed documents' JSON: the assessment (counts, no patient data) and the revealed subjects (patient data:
/// stored only sealed, through the incident store).
/// </summary>
public static class BreachJson
{
    /// <summary>Sealed document kind of the current assessment.</summary>
    public const string AssessmentKind = "breach-assessment";

    /// <summary>Sealed document kind of the assessment the initial regulator report was made from.</summary>
    public const string InitialReportKind = "breach-assessment-initial-report";

    /// <summary>Sealed document kind of the revealed data subjects.</summary>
    public const string SubjectsKind = "breach-subjects";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The assessment as UTF-8 JSON.</summary>
    public static byte[] Write(BreachAssessment assessment) => JsonSerializer.SerializeToUtf8Bytes(assessment, Options);

    /// <summary>The subjects as UTF-8 JSON.</summary>
    public static byte[] Write(IReadOnlyList<DataSubject> subjects) => JsonSerializer.SerializeToUtf8Bytes(subjects, Options);

    /// <summary>An assessment read back, or null when the bytes are not one.</summary>
    public static BreachAssessment? ReadAssessment(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<BreachAssessment>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Subjects read back, or null when the bytes are not a list of them.</summary>
    public static IReadOnlyList<DataSubject>? ReadSubjects(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<DataSubject>>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
