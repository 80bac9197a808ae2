namespace Vigil.Discovery.Recognition;

/// <summary>What <see cref="PhiRecogniser"/> looks for and how sure it must be to report.</summary>
/// <param name="Names">Report PERSON.</param>
/// <param name="Health">Report CONDITION, MEDICATION and ICD10.</param>
/// <param name="Addresses">Report ADDRESS.</param>
/// <param name="MinimumConfidence">Matches below this confidence are dropped.</param>
/// <param name="ContextWindow">How many characters before a candidate are searched for context words.</param>
/// <param name="AllDates">
/// Also report dates outside a birth context as <see cref="PhiTypes.Date"/>, including day/month without a year, and
/// ages over 89 as <see cref="PhiTypes.Age"/> (clinical notes, where any date is identifying; off for mailboxes, where
/// most dates are not).
/// </param>
/// <param name="UsPhones">
/// Also report North American phone numbers and pager numbers as <see cref="PhiTypes.UsPhone"/> (US clinical notes;
/// off for UK mailboxes, where 10-digit references share the shape).
/// </param>
/// <param name="Places">
/// Also report towns, hospitals and wards as <see cref="PhiTypes.Location"/>: entries of the user-supplied place and
/// hospital lists (<see cref="PhiWordList"/>) and hospital-name patterns (clinical notes; off for mailboxes).
/// </param>
/// <param name="NoteNames">
/// Clinical-note name rules: names written in lower case or all capitals count when a user-supplied name list holds
/// them, after a title or relative in any case, and before a staff credential (RN, RRT, NP, PA, MD). Off by default.
/// </param>
public sealed record RecogniserOptions(
    bool Names = true,
    bool Health = true,
    bool Addresses = true,
    double MinimumConfidence = 0.5,
    int ContextWindow = 60,
    bool AllDates = false,
    bool UsPhones = false,
    bool Places = false,
    bool NoteNames = false)
{
    /// <summary>Every recogniser, confidence at least 0.5.</summary>
    public static RecogniserOptions Default { get; } = new();

    /// <summary>
    /// Structured identifiers only (NHS, CHI, H&amp;C, NINO, GY/JE numbers, dates of birth, postcodes, phones,
    /// e-mail, record numbers): no name, address or health dictionaries.
    /// </summary>
    public static RecogniserOptions IdentifiersOnly { get; } = new(Names: false, Health: false, Addresses: false);

    /// <summary>
    /// US clinical notes: every date, North American phones, places and hospitals, and the clinical-note name rules
    /// (<c>--profile us-clinical-notes</c>). Slower than <see cref="Default"/> and meant for notes, not mailboxes.
    /// </summary>
    public static RecogniserOptions UsClinicalNotes { get; } = new(AllDates: true, UsPhones: true, Places: true, NoteNames: true);
}
