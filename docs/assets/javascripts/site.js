// Glossary terms are <abbr title="definition"> elements (docs/includes/glossary.md).
// An abbr cannot take the keyboard focus by itself; once it can, Material's
// content.tooltips feature shows the definition on focus as well as on hover.
// document$ fires on the first load and after every instant navigation.
document$.subscribe(() => {
  for (const term of document.querySelectorAll(".md-content abbr")) {
    term.tabIndex = 0;
  }
});
