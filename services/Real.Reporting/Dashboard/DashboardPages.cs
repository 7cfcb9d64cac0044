using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Real.Reporting.Audit;
using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.LabelSets;
using Real.Reporting.Reports.Plots;
using static Real.Reporting.Reports.Html.Html;

namespace Real.Reporting.Dashboard;

/// <summary>The dashboard's pages. Complete label sets are immutable, so each is loaded once and cached.</summary>
internal sealed class DashboardPages(ReportingContext context, ConcurrentDictionary<string, Task<LoadedLabelSet>> cache)
{
    private const int MaxListedChanges = 200;

    public async Task<string> IndexAsync(CancellationToken ct)
    {
        var sets = await context.Catalog.ListAsync(ct);
        var head = await context.Store.GetHeadPositionAsync(ct);
        var rows = sets.Reverse().Select(s => (IReadOnlyList<string>)[
            $"<a href=\"/labelsets/{Uri.EscapeDataString(s.Id)}\"><b>{E(s.Id)}</b></a>",
            E(s.Kind == LabelSetKind.Version ? "version" : "imported"),
            E(s.Description),
            s.Complete ? "<span class=\"badge ok\">complete</span>" : "<span class=\"badge unknown\">in progress</span>",
            E(s.Created?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "–"),
            Int(s.Position)]);
        var body = new StringBuilder();
        body.Append($"<div class=\"cards\">{Card("label sets", Int(sets.Count))}{Card("events in the log", Int(head))}{Card("store", context.Store.Backend)}</div>");
        body.Append("<section><h2>Label sets</h2>");
        body.Append(sets.Count == 0
            ? Notice("No label set yet: run `./real aggregate` or `./real import labelset FILE`.")
            : Table(["label set", "kind", "how it was made", "state", "created", "last position"], rows, numeric: false));
        body.Append("</section>");
        return DashboardPage.Render("Label sets", body.ToString());
    }

    public async Task<string> LabelSetAsync(string id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        var d = loaded.Description;
        var s = loaded.Labels.Statistics;
        var body = new StringBuilder();
        body.Append("<div class=\"cards\">")
            .Append(Card("images", Int(s.Images)))
            .Append(Card("evaluated", Int(s.EvaluatedImages), $"{Int(s.ExcludedImages)} excluded"))
            .Append(Card("multi-label share", Pct(s.MultiLabelShare)))
            .Append(Card("labels per image", Num(s.MeanLabelsPerImage, "0.00")))
            .Append("</div>");
        var facts = Facts([
            ("kind", E(d.Kind)),
            ("rule", $"{E(d.Rule)} <span class=\"mono\">{E(d.RuleVersion)}</span>"),
            ("parameters", d.Parameters.Count == 0 ? "–" : string.Join(", ", d.Parameters.Select(p => $"<code>{E(p.Key)}={E(p.Value)}</code>"))),
            ("threshold", d.Threshold is { } t ? Num(t) : "–"),
            ("compare", $"<a href=\"/diff?to={Uri.EscapeDataString(id)}\">with the original labels</a>{await OtherSetLinksAsync(id, ct)}"),
        ]);
        var figure = loaded.Scores is { Count: > 0 } scores
            ? ScoreHistogramPlot.Render([.. scores.Values.SelectMany(c => c.Select(x => x.Score))], d.Threshold)
            : Notice("This label set carries labels only, no per-question scores.");
        body.Append(Section("labelset", $"Label set {d.Id}", "How the set was made and how its question scores are distributed.", figure, facts));
        return DashboardPage.Render($"Label set {id}", body.ToString());
    }

    public async Task<string> DiffAsync(string? from, string to, CancellationToken ct)
    {
        var dataset = await context.DatasetAsync(ct);
        var target = (await LoadAsync(to, ct)).Labels;
        var source = from is null
            ? new LabelSet("original labels", [.. dataset.OriginalLabels.Select(l => (IReadOnlyList<int>)[l])])
            : (await LoadAsync(from, ct)).Labels;
        var diff = LabelSetDiff.Compute(source, target);
        string Labels(IEnumerable<int> labels, string css) => string.Join(" ", labels.Select(l => $"<span class=\"{css}\">{E(dataset.ClassName(l))} ({l})</span>"));
        var rows = diff.Changes.Take(MaxListedChanges).Select(c => (IReadOnlyList<string>)[
            $"<a href=\"/images/{Uri.EscapeDataString(dataset.Images.FileOf(c.Image))}?labelset={Uri.EscapeDataString(to)}\">{E(dataset.Images.FileOf(c.Image))}</a>",
            Labels(c.Before, "mono"), Labels(c.Added, "added"), Labels(c.Removed, "removed")]);
        var facts = Facts([
            ("images whose set changed", $"<b>{Int(diff.ChangedImages)}</b> of {Int(diff.Images)}"),
            ("labels added", $"<span class=\"added\">+{Int(diff.LabelsAdded)}</span>"),
            ("labels removed", $"<span class=\"minus\">−{Int(diff.LabelsRemoved)}</span>"),
            ("newly excluded / included", $"{Int(diff.NewlyExcluded)} / {Int(diff.NewlyIncluded)}"),
        ]);
        var figure = LabelSetDiffPlot.Render(source.Id, LabelSetDiffPlot.SetSizes(source), target.Id, LabelSetDiffPlot.SetSizes(target));
        var below = Table(["image", "before", "added", "removed"], rows, diff.ChangedImages > MaxListedChanges ? $"First {MaxListedChanges} of {Int(diff.ChangedImages)} changed images" : "Changed images", numeric: false);
        return DashboardPage.Render($"{source.Id} → {target.Id}", Section("diff", $"{source.Id} → {target.Id}", "What changed, image by image.", figure, facts, below));
    }

    public async Task<string> ImageAsync(string file, string labelSet, CancellationToken ct)
    {
        var x = await new ExplainImageHandler(context).HandleAsync(new ExplainImage(file, null, labelSet), ct);
        return DashboardPage.Render(x.Image, ImageView.Render(x), x.Image);
    }

    public async Task<IResult> SearchAsync(string? q, CancellationToken ct)
    {
        var dataset = await context.DatasetAsync(ct);
        var text = (q ?? string.Empty).Trim();
        if (text.Length > 0 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= dataset.Images.Count)
        {
            return Results.Redirect($"/images/{Uri.EscapeDataString(dataset.Images.FileOf(number - 1))}");
        }

        if (text.Length > 0 && dataset.Images.TryFind(text, out var exact))
        {
            return Results.Redirect($"/images/{Uri.EscapeDataString(dataset.Images.FileOf(exact))}");
        }

        var matches = text.Length < 3 ? [] : dataset.Images.Files.Where(f => f.Contains(text, StringComparison.OrdinalIgnoreCase)).Take(50).ToList();
        var body = matches.Count == 0
            ? Notice(text.Length < 3 ? "Type at least 3 characters of a file name, or an image number." : $"No image file name contains '{text}'.")
            : "<section><h2>Matching images</h2><ul>" + string.Concat(matches.Select(f => $"<li><a href=\"/images/{Uri.EscapeDataString(f)}\">{E(f)}</a></li>")) + "</ul></section>";
        return Results.Content(DashboardPage.Render("Search", body, text), "text/html; charset=utf-8");
    }

    private async Task<string> OtherSetLinksAsync(string id, CancellationToken ct) =>
        string.Concat((await context.Catalog.ListAsync(ct)).Where(s => s.Id != id && s.Complete)
            .Select(s => $" · <a href=\"/diff?from={Uri.EscapeDataString(s.Id)}&amp;to={Uri.EscapeDataString(id)}\">with {E(s.Id)}</a>"));

    private async Task<LoadedLabelSet> LoadAsync(string id, CancellationToken ct)
    {
        var dataset = await context.DatasetAsync(ct);
        var task = cache.GetOrAdd(id, key => context.Catalog.ResolveAsync(key, dataset, CancellationToken.None));
        try
        {
            return await task.WaitAsync(ct);
        }
        catch
        {
            cache.TryRemove(id, out _);
            throw;
        }
    }
}
