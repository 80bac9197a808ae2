using Vigil.Response.Breach;

namespace Vigil.Response.Documents;

/// <summary>One person's letter: who it is for and its text. Holds patient details; never logged.</summary>
/// <param name="Person">The person.</param>
/// <param name="Text">The filled template (Markdown-ish).</param>
public sealed record PatientLetter(AffectedPerson Person, string Text)
{
    /// <summary>The file name stem: the subject id, never the name (<c>letter-S00003</c>).</summary>
    public string FileStem => "letter-" + Person.SubjectId;
}
