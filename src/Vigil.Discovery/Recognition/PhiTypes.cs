namespace Vigil.Discovery.Recognition;

/// <summary>The entity types Vigil recognises and the category each belongs to.</summary>
public static class PhiTypes
{
    /// <summary>NHS number (England, Wales, Isle of Man): 10 digits, modulus 11.</summary>
    public const string UkNhs = "UK_NHS";

    /// <summary>Scottish Community Health Index number.</summary>
    public const string ScotChi = "SCOT_CHI";

    /// <summary>Northern Ireland Health and Care number.</summary>
    public const string NiHc = "NI_HC";

    /// <summary>UK National Insurance number.</summary>
    public const string UkNino = "UK_NINO";

    /// <summary>Guernsey social security number.</summary>
    public const string GySsn = "GY_SSN";

    /// <summary>Jersey social security number.</summary>
    public const string JeSsn = "JE_SSN";

    /// <summary>A date in a birth context.</summary>
    public const string DateOfBirth = "DATE_OF_BIRTH";

    /// <summary>Any other calendar date; reported only when <see cref="RecogniserOptions.AllDates"/> is set.</summary>
    public const string Date = "DATE";

    /// <summary>
    /// An age over 89 ("96 yo"), which HIPAA's Safe Harbor counts with dates; reported only when
    /// <see cref="RecogniserOptions.AllDates"/> is set.
    /// </summary>
    public const string Age = "AGE";

    /// <summary>UK, Guernsey, Jersey or Isle of Man postcode.</summary>
    public const string UkPostcode = "UK_POSTCODE";

    /// <summary>UK or Channel Islands telephone number.</summary>
    public const string UkPhone = "UK_PHONE";

    /// <summary>North American phone or pager number; reported only when <see cref="RecogniserOptions.UsPhones"/> is set.</summary>
    public const string UsPhone = "US_PHONE";

    /// <summary>E-mail address.</summary>
    public const string Email = "EMAIL";

    /// <summary>A person's name.</summary>
    public const string Person = "PERSON";

    /// <summary>A street address.</summary>
    public const string Address = "ADDRESS";

    /// <summary>
    /// A town, hospital, ward or care home; reported only when <see cref="RecogniserOptions.Places"/> is set.
    /// </summary>
    public const string Location = "LOCATION";

    /// <summary>An ICD-10 code.</summary>
    public const string Icd10 = "ICD10";

    /// <summary>A medical condition named in words.</summary>
    public const string Condition = "CONDITION";

    /// <summary>A medicine.</summary>
    public const string Medication = "MEDICATION";

    /// <summary>A hospital, record or patient number introduced by its label (MRN, hospital number, ...).</summary>
    public const string RecordNumber = "RECORD_NUMBER";

    /// <summary>Identity, contact or health: what a breach notification tells the person was exposed.</summary>
    public static PhiCategory CategoryOf(string type) => type switch
    {
        Email or UkPhone or UsPhone or UkPostcode or Address or Location => PhiCategory.Contact,
        Icd10 or Condition or Medication => PhiCategory.Health,
        _ => PhiCategory.Identity,
    };
}
