using System.Text;
using Vigil.Ingestion.Text;

namespace Vigil.Ingestion.Tests.Text;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("plain ascii\n", true)]
    [InlineData("tabs\tand\r\nline breaks\n", true)]
    [InlineData("Grüße, 日本語, emoji 🙂\n", true)]
    [InlineData("one form feed \f in a long enough line of log text\n", true)]
    [InlineData("a NUL \0 byte is never text, however long the line around it is\n", false)]
    [InlineData("\u0001\u0002\u0003\u0004 mostly controls", false)]
    public void Text_windows_are_told_from_non_text(string window, bool isText)
    {
        Assert.Equal(isText, PlainText.LooksLikeText(Encoding.UTF8.GetBytes(window), isWhole: true));
    }

    [Fact]
    public void Controls_up_to_five_percent_are_text_and_more_are_not()
    {
        var five = new byte[100];
        five.AsSpan().Fill((byte)'a');
        five.AsSpan(0, 5).Fill(0x1B);
        var six = (byte[])five.Clone();
        six[5] = 0x7F;

        Assert.True(PlainText.LooksLikeText(five, isWhole: true));
        Assert.False(PlainText.LooksLikeText(six, isWhole: true));
    }

    [Fact]
    public void Invalid_utf8_is_not_text()
    {
        Assert.False(PlainText.LooksLikeText([.. "caf"u8, 0xC3, 0x28, .. " and more"u8], isWhole: true));
        Assert.False(PlainText.LooksLikeText([.. "ends cut "u8, 0xE6, 0x97], isWhole: true));
    }

    [Fact]
    public void A_character_cut_by_the_end_of_a_partial_window_is_not_held_against_it()
    {
        byte[] cut = [.. "ends cut "u8, 0xE6, 0x97];
        byte[] broken = [.. "ends cut "u8, 0xE6, 0x28];

        Assert.True(PlainText.LooksLikeText(cut, isWhole: false));
        Assert.False(PlainText.LooksLikeText(broken, isWhole: false));
    }
}
