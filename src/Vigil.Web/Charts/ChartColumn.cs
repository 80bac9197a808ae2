namespace Vigil.Web.Charts;

/// <summary>One column of a stacked column chart (a day, an hour) made of segments.</summary>
/// <param name="Label">The column's label under the axis.</param>
/// <param name="Segments">Its stacked parts, bottom first.</param>
internal sealed record ChartColumn(string Label, IReadOnlyList<ChartBar> Segments)
{
    public long Total => Segments.Sum(static s => s.Value);
}
