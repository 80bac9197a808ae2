namespace Vigil.Discovery.Recognition;

/// <summary>Keyword lists that raise confidence when found before a candidate.</summary>
internal static class ContextWords
{
    public static readonly KeywordSet Nhs = new("nhs", "national health", "health service");
    public static readonly KeywordSet Chi = new("chi", "community health index");
    public static readonly KeywordSet HealthAndCare = new("h&c", "hcn", "health and care", "health & care");
    public static readonly KeywordSet Nino = new("ni no", "ni number", "nino", "national insurance", "n.i.", "ni:");
    public static readonly KeywordSet SocialSecurity = new("social security", "social insurance", "ssn");
    public static readonly KeywordSet Jersey = new("jersey", "jsy");
    public static readonly KeywordSet Guernsey = new("guernsey", "gsy");
    public static readonly KeywordSet Birth = new("dob", "d.o.b", "date of birth", "born", "birth", "b.");
    public static readonly KeywordSet Phone = new("tel", "phone", "mobile", "mob", "call", "fax", "contact", "landline", "ring", "text");
    public static readonly KeywordSet UsPhone = new(
        "tel", "phone", "cell", "mobile", "home", "work", "office", "call", "fax", "contact", "reached", "number", "beeper", "pager");

    public static readonly KeywordSet Pager = new("pager", "beeper", "pg", "bleep");
    public static readonly KeywordSet Postcode = new("postcode", "post code", "address", "addr");
    public static readonly KeywordSet Address = new("address", "addr", "lives at", "living at", "resides");

    public static readonly KeywordSet Icd = new(
        "icd", "diagnos", "dx", "code", "condition", "problem", "pmh", "history", "coded", "morbidit");

    public static readonly KeywordSet RecordLabels = new(
        "mrn", "hospital number", "hospital no", "hosp no", "hospital ref", "hospital id", "patient number",
        "patient no", "patient id", "patient ref", "record number", "record no", "medical record", "unit number",
        "unit no", "case number", "case no", "pas number", "pas no", "pas id", "rxh", "k number", "clinic number",
        "gp number");
}
