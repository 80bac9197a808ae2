namespace Vigil.Discovery.Recognition;

/// <summary>The kind of personal data a finding is, as breach notifications describe it.</summary>
public enum PhiCategory
{
    /// <summary>Who the person is: names, dates of birth, NHS/CHI/H&amp;C, NI and social security numbers, record numbers.</summary>
    Identity,

    /// <summary>How to reach them: e-mail, phone, postcode, address.</summary>
    Contact,

    /// <summary>Special category health data: conditions, medications, diagnosis codes.</summary>
    Health,
}
