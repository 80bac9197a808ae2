using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Vigil.Web.Charts;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, no inline style (colours come from classes in vigil.css, so the
/// Content-Security-Policy needs no <c>unsafe-inline</c>), and each chart has a text title for screen readers.
/// </summary>
internal static class SvgCharts
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Horizontal bars with their values, for a handful of categories (alerts by severity).</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<ChartBar> bars)
    {
        const int Row = 26, LabelWidth = 110, BarWidth = 300;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(static b => b.Value));
        var height = Math.Max(1, bars.Count) * Row + 4;
        var svg = Open(title, LabelWidth + BarWidth + 70, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = (i * Row) + 4;
            var width = bar.Value == 0 ? 0 : Math.Max(2, bar.Value * BarWidth / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"0\" y=\"{y + 15}\">{Html.Encode(bar.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{bar.CssClass}\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{Row - 8}\" rx=\"2\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-value\" x=\"{LabelWidth + width + 6}\" y=\"{y + 15}\">{bar.Value}</text>");
        }

        return Close(svg);
    }

    /// <summary>Stacked columns over time (alerts raised per day by severity), with the first and last labels shown.</summary>
    public static IHtmlContent Columns(string title, IReadOnlyList<ChartColumn> columns)
    {
        const int Height = 120, Axis = 18, Gap = 2;
        var width = Math.Max(1, columns.Count) * 22;
        var max = Math.Max(1, columns.Count == 0 ? 1 : columns.Max(static c => c.Total));
        var svg = Open(title, width + 40, Height + Axis + 4);
        var step = width / (double)Math.Max(1, columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var x = 32 + (i * step);
            double y = Height;
            foreach (var segment in columns[i].Segments.Where(static s => s.Value > 0))
            {
                var h = segment.Value * (Height - 4) / (double)max;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{segment.CssClass}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{step - Gap:0.#}\" height=\"{h:0.#}\"><title>{Html.Encode(columns[i].Label)}: {segment.Value} {Html.Encode(segment.Label)}</title></rect>");
            }

            if (i == 0 || i == columns.Count - 1 || columns.Count <= 8)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-axis\" x=\"{x:0.#}\" y=\"{Height + Axis}\">{Html.Encode(columns[i].Label)}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-axis\" x=\"0\" y=\"10\">{max}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-baseline\" x1=\"30\" y1=\"{Height}\" x2=\"{width + 34}\" y2=\"{Height}\"></line>");
        return Close(svg);
    }

    /// <summary>A small line of counts per hour (events per hour of one source).</summary>
    public static IHtmlContent Sparkline(string title, IReadOnlyList<long> values)
    {
        const int Width = 160, Height = 28;
        var max = Math.Max(1, values.Count == 0 ? 1 : values.Max());
        var svg = Open(title, Width, Height);
        if (values.Count > 0)
        {
            var points = new StringBuilder();
            for (var i = 0; i < values.Count; i++)
            {
                var x = values.Count == 1 ? 0 : i * (Width - 2) / (double)(values.Count - 1);
                var y = Height - 2 - (values[i] * (Height - 4) / (double)max);
                points.Append(CultureInfo.InvariantCulture, $"{x + 1:0.#},{y:0.#} ");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"chart-line\" points=\"{points.ToString().TrimEnd()}\"></polyline>");
        }

        return Close(svg);
    }

    private static StringBuilder Open(string title, int width, int height)
        => new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"{Html.Encode(title)}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{Html.Encode(title)}</title>");

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());
}
