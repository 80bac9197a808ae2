namespace Vigil.Response.Documents;

/// <summary>What a line of a Markdown-ish document is.</summary>
public enum BlockKind
{
    /// <summary><c># text</c>: a title.</summary>
    Title,

    /// <summary><c>## text</c>: a section heading.</summary>
    Heading,

    /// <summary><c>- text</c>: a bullet.</summary>
    Bullet,

    /// <summary>Any other line.</summary>
    Paragraph,

    /// <summary>An empty line: space.</summary>
    Blank,
}
