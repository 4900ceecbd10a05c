"""The page `mkdocs serve` answers with while the build is broken: a pure function of the failure.

Self-contained (no stylesheet, font or script from elsewhere), in the site's indigo and
system fonts, light or dark as the reader's system prefers, narrow enough for a phone.
Every text from the failure is escaped. Its script long-polls MkDocs' live-reload
endpoint, as the site's own pages do under `mkdocs serve`, and reloads the page once
a newer build is ready: the fixed page, or the next failure.
"""

from __future__ import annotations

from html import escape

from build_failure import BuildFailure

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


def render(failure: BuildFailure, build: int) -> str:
    """The HTML page for `failure`; it reloads once the server has a build newer than `build`."""
    heading = f"Fix <code>{escape(failure.file)}</code>" if failure.file else "The rebuild failed"
    file = escape(failure.file or "not named: see the terminal")
    places = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in failure.places
    )
    details = f"<pre>{escape(chr(10).join(failure.details))}</pre>" if failure.details else ""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed: {file}</title>
<style>{STYLE}</style>
</head>
<body>
<header>mkdocs serve: the last rebuild failed</header>
<main>
<h1>{heading}</h1>
<p class="summary">{escape(failure.summary)}</p>
<dl><dt>File</dt><dd><code>{file}</code></dd>{places}</dl>
{details}
<p class="next">Save the fix and this tab goes back to the page you were reading.
The terminal running <code>mkdocs serve</code> shows the same error in full.</p>
</main>
<script>{RELOAD_SCRIPT % build}</script>
</body>
</html>
"""
