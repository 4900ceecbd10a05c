// Accessibility touches to Material's pages. document$ fires on the first load
// and after every instant navigation, once Material has rendered the content.
document$.subscribe(() => {
  // Glossary terms are <abbr title="definition"> (docs/includes/glossary.md).
  // An abbr cannot take the keyboard focus by itself; once it can, Material's
  // content.tooltips feature shows the definition on focus as well as on hover.
  for (const term of document.querySelectorAll(".md-content abbr")) {
    term.tabIndex = 0;
  }
  // Material wraps each code block's copy button in a <nav>: one unnamed
  // navigation landmark per block. A copy button is not navigation, so the
  // wrapper gives up the landmark role; the button keeps its own label.
  for (const actions of document.querySelectorAll(".md-code__nav")) {
    actions.setAttribute("role", "none");
  }
});
