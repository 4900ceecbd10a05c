"""What `mkdocs serve` shows of the writer's mistakes in the open tab: pure functions to HTML.

`render` is the page every request gets while the build is broken; `notice` is the box a
page that built carries at its top under `mkdocs serve` when the strict build would fail
on it (a broken link). Both show each problem the same way (`problem_html`): the file and
line to fix, the tool's words, the offending line and the hint, all of it escaped.

The error page is self-contained (no stylesheet, font, icon or script from elsewhere: its
icon is an empty `data:` URL, so the browser asks for no /favicon.ico), in the site's
indigo and system fonts, light or dark as the reader's system prefers, narrow enough for a
phone. Its script long-polls MkDocs' live-reload endpoint, as the site's own pages do under
`mkdocs serve`, and reloads the page once a newer build is ready: the fixed page, or the
next failure.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from build_failure import BuildFailure, Problem

STYLE = """
:root { color-scheme: light dark; --accent: #3f51b5; --text: #1f2130; --muted: #51546a;
  --background: #fff; --panel: #f2f3f9; }
@media (prefers-color-scheme: dark) {
  :root { --accent: #a5b0ff; --text: #e2e4ee; --muted: #b3b7cc; --background: #1e2129;
    --panel: #2a2e3a; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--background); color: var(--text);
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
/* The site's header bar, in either palette. */
header { background: #3f51b5; color: #fff; padding: 0.75rem 1rem; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 0.5rem 0 1rem; overflow-wrap: anywhere; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.summary { font-size: 1.1rem; font-weight: 600; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
pre { background: var(--panel); padding: 0.75rem; overflow-x: auto; white-space: pre-wrap;
  overflow-wrap: anywhere; border-left: 4px solid var(--accent); }
.hint { overflow-wrap: anywhere; }
.next { color: var(--muted); }
"""

# Written for this page; speaks the protocol of MkDocs' live-reload script: the answer
# to /livereload/<build>/<id> is the newest build, sent once it is newer than <build>.
RELOAD_SCRIPT = """
(function (shownBuild) {
  function waitForNextBuild() {
    fetch("/livereload/" + shownBuild + "/" + Date.now())
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (newest) {
        if (Number(newest) > shownBuild) { location.reload(); } else { waitForNextBuild(); }
      })
      .catch(function () { setTimeout(waitForNextBuild, 1000); });
  }
  waitForNextBuild();
})(%d);
"""

# The notice sits in a page of the site, in Material's palette (its custom properties).
NOTICE_STYLE = """
.serve-notice { border-left: 4px solid #ff1744; background: var(--md-code-bg-color);
  padding: 0.2rem 1rem; margin: 0 0 1.5rem; }
.serve-notice dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; }
.serve-notice dt { color: var(--md-default-fg-color--light); }
.serve-notice dd { margin: 0; overflow-wrap: anywhere; }
.serve-notice .summary { font-weight: 700; overflow-wrap: anywhere; }
.serve-notice .hint { overflow-wrap: anywhere; }
"""


def problem_html(problem: Problem) -> str:
    """One problem: its words, where it is, the line at fault and the hint."""
    places = [("File", f"<code>{escape(problem.file)}</code>")] if problem.file else []
    places += [
        (label, str(value))
        for label, value in (("Line", problem.line), ("Column", problem.column))
        if value
    ]
    where = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in places)
    code = f"<pre>{escape(chr(10).join(problem.excerpt))}</pre>" if problem.excerpt else ""
    hint = f'<p class="hint">Hint: {escape(problem.hint)}</p>' if problem.hint else ""
    return (
        f'<section class="problem"><p class="summary">{escape(problem.message)}</p>'
        f"{f'<dl>{where}</dl>' if where else ''}{code}{hint}</section>"
    )


def render(failure: BuildFailure, build: int) -> str:
    """The HTML page for `failure`; it reloads once the server has a build newer than `build`."""
    file = failure.file
    heading = f"Fix <code>{escape(file)}</code>" if file else "The rebuild failed"
    title = escape(file or "see the terminal")
    problems = "\n".join(problem_html(problem) for problem in failure.problems)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed: {title}</title>
<link rel="icon" href="data:,">
<style>{STYLE}</style>
</head>
<body>
<header>mkdocs serve: the last rebuild failed</header>
<main>
<h1>{heading}</h1>
{problems}
<p class="next">Save the fix and this tab goes back to the page you were reading.
The terminal running <code>mkdocs serve</code> shows the same error.</p>
</main>
<script>{RELOAD_SCRIPT % build}</script>
</body>
</html>
"""


def notice(problems: Sequence[Problem]) -> str:
    """The box at the top of a page that built, for what `mkdocs build --strict` would fail on."""
    count = f"{len(problems)} problems" if len(problems) > 1 else "A problem"
    items = "\n".join(problem_html(problem) for problem in problems)
    return (
        f'<aside class="serve-notice" role="note" aria-label="Problems to fix">'
        f"<style>{NOTICE_STYLE}</style>"
        f"<p><strong>{count} to fix</strong> (shown by <code>mkdocs serve</code> only; "
        f"<code>mkdocs build --strict</code> fails on {'them' if len(problems) > 1 else 'it'}"
        f"):</p>\n{items}</aside>"
    )
