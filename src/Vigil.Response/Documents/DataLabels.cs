using Vigil.Discovery.Recognition;

namespace Vigil.Response.Documents;

/// <summary>Plain-language names of data types and categories, as letters and regulator forms say them.</summary>
public static class DataLabels
{
    /// <summary>The type's plain name (<c>NHS number</c>, <c>date of birth</c>...).</summary>
    public static string Type(string type) => type switch
    {
        PhiTypes.UkNhs => "NHS number",
        PhiTypes.ScotChi => "CHI number",
        PhiTypes.NiHc => "Health and Care number",
        PhiTypes.UkNino => "National Insurance number",
        PhiTypes.GySsn => "Guernsey social security number",
        PhiTypes.JeSsn => "Jersey social security number",
        PhiTypes.DateOfBirth => "date of birth",
        PhiTypes.UkPostcode => "postcode",
        PhiTypes.UkPhone => "telephone number",
        PhiTypes.UsPhone => "telephone number",
        PhiTypes.Email => "e-mail address",
        PhiTypes.Person => "name",
        PhiTypes.Address => "postal address",
        PhiTypes.Icd10 => "diagnosis codes",
        PhiTypes.Condition => "medical conditions",
        PhiTypes.Medication => "medicines",
        PhiTypes.RecordNumber => "hospital or patient record number",
        _ => type.ToLowerInvariant().Replace('_', ' '),
    };

    /// <summary>The category's name as a regulator form lists it.</summary>
    public static string Category(string category) => category switch
    {
        "identity" => "Basic identifiers and identification numbers (names, dates of birth, NHS/social security numbers)",
        "contact" => "Contact details (e-mail addresses, telephone numbers, postal addresses)",
        "health" => "Health data (special category): medical conditions, medicines, diagnoses",
        _ => category,
    };

    /// <summary>The category's name for the person themselves.</summary>
    public static string Category(PhiCategory category) => category switch
    {
        PhiCategory.Identity => "identity",
        PhiCategory.Contact => "contact",
        _ => "health",
    };

    /// <summary>What a letter tells the person about one of their data types: "your NHS number".</summary>
    public static string Yours(string type) => type switch
    {
        PhiTypes.Icd10 or PhiTypes.Condition => "information about your health conditions or diagnoses",
        PhiTypes.Medication => "information about medicines you take",
        _ => "your " + Type(type),
    };
}
