namespace Real.Reporting.Reports.Html;

/// <summary>The report's and dashboard's CSS, inlined so a page needs no other file.</summary>
public static class ReportStyles
{
    public const string Css = """
        :root { --ink:#111827; --muted:#6b7280; --line:#e5e7eb; --bg:#f5f6f8; --accent:#2563eb; --ok:#15803d; --bad:#b91c1c; }
        * { box-sizing: border-box; }
        body { margin:0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color:var(--ink); background:var(--bg); font-size:14px; line-height:1.5; }
        header.top { background:#0f172a; color:#f8fafc; padding:22px 40px; }
        header.top h1 { margin:0 0 4px; font-size:24px; font-weight:700; letter-spacing:.2px; }
        header.top .meta { color:#cbd5e1; font-size:13px; }
        header.top a { color:#bfdbfe; }
        nav.sections { background:#fff; border-bottom:1px solid var(--line); padding:8px 40px; position:sticky; top:0; z-index:2; }
        nav.sections a { color:var(--accent); text-decoration:none; margin-right:18px; font-size:13px; }
        main { max-width:1320px; margin:0 auto; padding:24px 40px 48px; }
        .cards { display:grid; grid-template-columns:repeat(auto-fit, minmax(180px, 1fr)); gap:14px; margin-bottom:22px; }
        .card { background:#fff; border:1px solid var(--line); border-radius:10px; padding:14px 16px; }
        .card-value { font-size:26px; font-weight:700; color:var(--ink); }
        .card-label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.6px; }
        .card-note { color:var(--muted); font-size:12px; margin-top:2px; }
        section { background:#fff; border:1px solid var(--line); border-radius:10px; padding:18px 22px; margin-bottom:20px; }
        section h2 { margin:0 0 4px; font-size:18px; }
        h3.sub { margin:0 0 6px; font-size:14px; }
        p.intro { color:var(--muted); margin:0 0 12px; max-width:980px; }
        .pair { display:grid; grid-template-columns:minmax(0, 3fr) minmax(0, 2fr); gap:22px; align-items:start; }
        @media (max-width: 1000px) { .pair { grid-template-columns:1fr; } }
        figure { margin:0; }
        svg.plot { width:100%; height:auto; display:block; }
        table { border-collapse:collapse; width:100%; margin-bottom:14px; }
        table.data thead th.n { text-align:right; }
        table caption { text-align:left; font-weight:700; padding:0 0 6px; color:var(--ink); }
        table.data th, table.data td { padding:5px 8px; border-bottom:1px solid var(--line); }
        table.data thead th { text-align:left; color:var(--muted); font-weight:600; font-size:12px; text-transform:uppercase; letter-spacing:.4px; border-bottom:2px solid var(--line); }
        table.data tbody tr:hover { background:#f8fafc; }
        table.facts th { text-align:left; color:var(--muted); font-weight:600; padding:4px 12px 4px 0; width:40%; vertical-align:top; }
        table.facts td { padding:4px 0; }
        .n { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
        code, .mono { font-family:"DejaVu Sans Mono", monospace; font-size:12px; }
        .badge { display:inline-block; padding:2px 9px; border-radius:999px; font-size:12px; font-weight:600; }
        .badge.ok { background:#dcfce7; color:var(--ok); } .badge.bad { background:#fee2e2; color:var(--bad); } .badge.unknown { background:#e5e7eb; color:#374151; }
        .notice { background:#fffbeb; border:1px solid #fde68a; color:#92400e; padding:10px 14px; border-radius:8px; margin:6px 0 12px; }
        .added { color:var(--ok); } .removed { color:var(--bad); text-decoration:line-through; } .minus { color:var(--bad); }
        footer { color:var(--muted); font-size:12px; text-align:center; padding:18px; }
        a { color:var(--accent); }
        form.search input[type=search] { padding:7px 10px; border:1px solid #cbd5e1; border-radius:6px; min-width:320px; font-size:14px; }
        form.search button, .button { padding:7px 14px; border:0; border-radius:6px; background:var(--accent); color:#fff; font-size:14px; cursor:pointer; text-decoration:none; }
        """;
}
