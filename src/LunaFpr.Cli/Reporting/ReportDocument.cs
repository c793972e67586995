using System.Net;
using System.Text;

namespace LunaFpr.Cli.Reporting;

/// <summary>
/// A report as a list of blocks (headings, text, tables, figures, galleries) that renders both to one
/// self-contained HTML file (images inlined as base64 PNG, no scripts, no network) and to Markdown
/// (images written beside it). Written by hand: no served package renders both from one model.
/// </summary>
internal sealed class ReportDocument(string title)
{
    private readonly List<Block> blocks = [];

    public string Title { get; } = title;

    public ReportDocument Heading(string text)
    {
        blocks.Add(new HeadingBlock(text));
        return this;
    }

    public ReportDocument Paragraph(string text)
    {
        blocks.Add(new ParagraphBlock(text));
        return this;
    }

    public ReportDocument Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        blocks.Add(new TableBlock(header, rows.ToList()));
        return this;
    }

    /// <summary>
    /// Adds a figure; <paramref name="name"/> is its file name (without extension) in the Markdown form.
    /// </summary>
    public ReportDocument Figure(string name, string caption, byte[] png)
    {
        blocks.Add(new GalleryBlock([new ReportImage(name, caption, png)], IsFigure: true));
        return this;
    }

    public ReportDocument Gallery(IReadOnlyList<ReportImage> images)
    {
        blocks.Add(new GalleryBlock(images, IsFigure: false));
        return this;
    }

    /// <summary>The whole report as one HTML page with every image embedded.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(Encode(Title)).Append("</title>\n<style>").Append(Css).Append("</style></head>\n")
            .Append("<body>\n<h1>").Append(Encode(Title)).Append("</h1>\n");
        foreach (var block in blocks)
        {
            block.WriteHtml(html);
        }

        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>
    /// The report as Markdown; images are returned as (relative path, bytes) under <paramref name="imageFolder"/>
    /// for the caller to write beside the Markdown file.
    /// </summary>
    public (string Markdown, IReadOnlyList<(string RelativePath, byte[] Png)> Images) ToMarkdown(string imageFolder)
    {
        var markdown = new StringBuilder().Append("# ").Append(Title).Append("\n\n");
        var images = new List<(string, byte[])>();
        foreach (var block in blocks)
        {
            block.WriteMarkdown(markdown, imageFolder, images);
        }

        return (markdown.ToString(), images);
    }

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Css =
        "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}" +
        "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 10px;text-align:right}" +
        "th{background:#f2f2f2}td:first-child,th:first-child{text-align:left}" +
        "figure{margin:1em 0}figcaption{font-size:90%;color:#555}img{max-width:100%}" +
        ".gallery{display:flex;flex-wrap:wrap;gap:12px}.gallery figure{width:260px;margin:0}" +
        ".gallery figcaption{font-family:monospace;font-size:75%;word-break:break-all}";

    private abstract record Block
    {
        public abstract void WriteHtml(StringBuilder html);

        public abstract void WriteMarkdown(StringBuilder markdown, string imageFolder, List<(string, byte[])> images);
    }

    private sealed record HeadingBlock(string Text) : Block
    {
        public override void WriteHtml(StringBuilder html) =>
            html.Append("<h2>").Append(Encode(Text)).Append("</h2>\n");

        public override void WriteMarkdown(StringBuilder markdown, string imageFolder, List<(string, byte[])> images) =>
            markdown.Append("## ").Append(Text).Append("\n\n");
    }

    private sealed record ParagraphBlock(string Text) : Block
    {
        public override void WriteHtml(StringBuilder html) => html.Append("<p>").Append(Encode(Text)).Append("</p>\n");

        public override void WriteMarkdown(StringBuilder markdown, string imageFolder, List<(string, byte[])> images) =>
            markdown.Append(Text).Append("\n\n");
    }

    private sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : Block
    {
        public override void WriteHtml(StringBuilder html)
        {
            html.Append("<table><thead><tr>");
            foreach (var cell in Header)
            {
                html.Append("<th>").Append(Encode(cell)).Append("</th>");
            }

            html.Append("</tr></thead><tbody>\n");
            foreach (var row in Rows)
            {
                html.Append("<tr>");
                foreach (var cell in row)
                {
                    html.Append("<td>").Append(Encode(cell)).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        public override void WriteMarkdown(StringBuilder markdown, string imageFolder, List<(string, byte[])> images)
        {
            markdown.Append("| ").Append(string.Join(" | ", Header)).Append(" |\n");
            markdown.Append('|').Append(string.Concat(Header.Select(_ => "---|"))).Append('\n');
            foreach (var row in Rows)
            {
                markdown.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|")))).Append(" |\n");
            }

            markdown.Append('\n');
        }
    }

    private sealed record GalleryBlock(IReadOnlyList<ReportImage> Images, bool IsFigure) : Block
    {
        public override void WriteHtml(StringBuilder html)
        {
            if (!IsFigure)
            {
                html.Append("<div class=\"gallery\">\n");
            }

            foreach (var image in Images)
            {
                html.Append("<figure><img alt=\"").Append(Encode(image.Caption))
                    .Append("\" src=\"data:image/png;base64,")
                    .Append(Convert.ToBase64String(image.Png)).Append("\"><figcaption>")
                    .Append(Encode(image.Caption)).Append("</figcaption></figure>\n");
            }

            if (!IsFigure)
            {
                html.Append("</div>\n");
            }
        }

        public override void WriteMarkdown(StringBuilder markdown, string imageFolder, List<(string, byte[])> images)
        {
            foreach (var image in Images)
            {
                var relative = $"{imageFolder}/{image.Name}.png";
                images.Add((relative, image.Png));
                markdown.Append("![").Append(image.Caption).Append("](").Append(relative).Append(")\n");
                if (!IsFigure)
                {
                    markdown.Append('\n').Append('`').Append(image.Caption).Append("`\n");
                }

                markdown.Append('\n');
            }
        }
    }
}

/// <summary>A PNG in a report: its file name (without extension) for the Markdown form and its caption.</summary>
internal sealed record ReportImage(string Name, string Caption, byte[] Png);
