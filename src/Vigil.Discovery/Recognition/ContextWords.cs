namespace Vigil.Discovery.Recognition;

/// <summary>Keyword lists that raise confidence when found before a candidate.</summary>
internal static class ContextWords
{
    public static readonly string[] Nhs = ["nhs", "national health", "health service"];
    public static readonly string[] Chi = ["chi", "community health index"];
    public static readonly string[] HealthAndCare = ["h&c", "hcn", "health and care", "health & care"];
    public static readonly string[] Nino = ["ni no", "ni number", "nino", "national insurance", "n.i.", "ni:"];
    public static readonly string[] SocialSecurity = ["social security", "social insurance", "ssn"];
    public static readonly string[] Jersey = ["jersey", "jsy"];
    public static readonly string[] Guernsey = ["guernsey", "gsy"];
    public static readonly string[] Birth = ["dob", "d.o.b", "date of birth", "born", "birth", "b."];
    public static readonly string[] Phone = ["tel", "phone", "mobile", "mob", "call", "fax", "contact", "landline", "ring", "text"];
    public static readonly string[] Postcode = ["postcode", "post code", "address", "addr"];
    public static readonly string[] Address = ["address", "addr", "lives at", "living at", "resides"];

    public static readonly string[] Icd =
    [
        "icd", "diagnos", "dx", "code", "condition", "problem", "pmh", "history", "coded", "morbidit",
    ];

    public static readonly string[] RecordLabels =
    [
        "mrn", "hospital number", "hospital no", "hosp no", "hospital ref", "hospital id", "patient number",
        "patient no", "patient id", "patient ref", "record number", "record no", "medical record", "unit number",
        "unit no", "case number", "case no", "pas number", "pas no", "pas id", "rxh", "k number", "clinic number",
        "gp number",
    ];
}
