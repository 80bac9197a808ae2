using Vigil.Discovery.Scanning;

namespace Vigil.Discovery.Tests.Scanning;

public sealed class LineWalkerTests
{
    [Fact]
    public void Lines_paragraphs_and_header_names_are_counted_up_to_each_offset()
    {
        const string Text = "From: A <a@x>\nTo: b@y,\n c@z\nSubject: hi\n\nbody";
        var walker = new LineWalker(Text, headers: true);
        Assert.Equal((0, 0, "From"), walker.MoveTo(Text.IndexOf("a@x", StringComparison.Ordinal)));
        Assert.Equal((1, 0, "To"), walker.MoveTo(Text.IndexOf("b@y", StringComparison.Ordinal)));
        Assert.Equal((2, 0, "To"), walker.MoveTo(Text.IndexOf("c@z", StringComparison.Ordinal)));
        Assert.Equal((3, 0, "Subject"), walker.MoveTo(Text.IndexOf("hi", StringComparison.Ordinal)));
        Assert.Equal(5, walker.MoveTo(Text.IndexOf("body", StringComparison.Ordinal)).Line);
    }

    [Fact]
    public void A_blank_line_starts_a_new_paragraph()
    {
        const string Text = "one\ntwo\n\nthree\n  \nfour";
        var walker = new LineWalker(Text, headers: false);
        Assert.Equal(0, walker.MoveTo(Text.IndexOf("two", StringComparison.Ordinal)).Paragraph);
        Assert.Equal(1, walker.MoveTo(Text.IndexOf("three", StringComparison.Ordinal)).Paragraph);
        Assert.Equal(2, walker.MoveTo(Text.IndexOf("four", StringComparison.Ordinal)).Paragraph);
    }
}
