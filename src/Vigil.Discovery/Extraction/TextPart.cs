namespace Vigil.Discovery.Extraction;

/// <summary>One piece of text of an item.</summary>
/// <param name="Name">
/// What it is, without patient data: <c>headers</c> (From, To, Cc, Reply-To, Subject and Date as <c>Name: value</c>
/// lines, decoded; never Message-ID, References or Received), <c>body</c>, <c>body.html</c>, or
/// <c>attachment[2]:report.pdf</c> / <c>attachment[1]/zip[3]:letter.docx</c> for nested parts (file names are kept:
/// they are needed to find the file again; a report that must not show them masks them).
/// </param>
/// <param name="Text">The decoded text.</param>
public sealed record TextPart(string Name, string Text);
