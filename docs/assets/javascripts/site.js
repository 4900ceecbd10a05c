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

// ---------------------------------------------------------------------------
// Content: code, tooltips, headings
// ---------------------------------------------------------------------------
(() => {
  // Material's content tooltips (glossary terms, copy buttons) take the host's
  // `title` away while they show and describe the host with the tooltip instead:
  // a copy button, which has no text of its own, is then left without a name.
  // The button keeps the same words as its label, and drops the description
  // that would only repeat them ("Copy to clipboard, button, Copy to clipboard").
  const withoutDescription = new MutationObserver((records) => {
    for (const { target } of records) target.removeAttribute("aria-describedby");
  });

  function nameCopyButtons() {
    for (const button of document.querySelectorAll(".md-code__button[title]")) {
      button.setAttribute("aria-label", button.title);
      withoutDescription.observe(button, { attributeFilter: ["aria-describedby"] });
    }
  }

  // A heading's "¶" permalink sits inside the heading, so the heading's name ends
  // in "¶" and every heading adds a tab stop named "¶". The page's table of
  // contents links to the same sections with their full titles, so the
  // permalinks stay for the pointer only: hidden from assistive technology and
  // out of the tab order.
  function quietPermalinks() {
    for (const link of document.querySelectorAll(".md-typeset .headerlink")) {
      link.setAttribute("aria-hidden", "true");
      link.tabIndex = -1;
    }
  }

  // Material's "Copied to clipboard" appears in a box (.md-dialog) that no
  // assistive technology is told about. Its inner element becomes a polite live
  // region; the text is emptied once the box hides, so the region holds nothing
  // stale and the next message is a change that is announced again.
  function announceDialogMessages() {
    const message = document.querySelector(".md-dialog .md-dialog__inner");
    if (!message || message.hasAttribute("role")) return;
    message.setAttribute("role", "status");
    message.setAttribute("aria-live", "polite");
    new MutationObserver(() => {
      const box = message.closest(".md-dialog");
      if (!box.classList.contains("md-dialog--active") && message.textContent) {
        message.textContent = "";
      }
    }).observe(message.closest(".md-dialog"), {
      attributes: true,
      attributeFilter: ["class"],
      childList: true,
      subtree: true,
    });
  }

  // Material appends content tooltips to <body>, outside every landmark. They
  // describe the article's terms and buttons, so they move into <main>; nothing
  // between <main> and <body> is positioned, so they keep their place on screen.
  function keepTooltipsInMain(added) {
    const main = document.querySelector("main");
    for (const node of added) {
      if (main && node instanceof HTMLElement && node.classList.contains("md-tooltip2")) {
        main.append(node);
      }
    }
  }

  // Escape hides the tooltips on show (WCAG 1.4.13) without moving the focus or
  // the pointer; Material makes a new tooltip the next time one is wanted.
  function dismissTooltips(event) {
    if (event.key !== "Escape") return;
    for (const tooltip of document.querySelectorAll(".md-tooltip2--active")) {
      tooltip.hidden = true;
    }
  }

  if (!window.contentAccessibilityMounted) {
    window.contentAccessibilityMounted = true;
    new MutationObserver((records) => {
      for (const record of records) keepTooltipsInMain(record.addedNodes);
    }).observe(document.body, { childList: true });
    document.addEventListener("keydown", dismissTooltips);
    document$.subscribe(() => {
      nameCopyButtons();
      quietPermalinks();
      announceDialogMessages();
    });
  }
})();
