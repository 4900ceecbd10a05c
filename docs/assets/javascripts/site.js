// Accessibility touches to Material's pages. document$ fires on the first load
// and after every instant navigation, once Material has rendered the content.
document$.subscribe(() => {
  // Material wraps each code block's copy button in a <nav>: one unnamed
  // navigation landmark per block. A copy button is not navigation, so the
  // wrapper gives up the landmark role; the button keeps its own label.
  for (const actions of document.querySelectorAll(".md-code__nav")) {
    actions.setAttribute("role", "none");
  }
});

// ---- Header, navigation and search ------------------------------------------
// The phone menu. Material's drawer is a checkbox (#__drawer) that labels toggle;
// the header's menu button is a <button> here (overrides/partials/header.html).
// It says whether the menu is open; while it is, the rest of the page is inert,
// so Tab stays in the menu, and Escape closes it and returns to the button.
(() => {
  const drawer = document.getElementById("__drawer");
  const button = document.querySelector("[data-site-menu]");
  if (!drawer || !button) return;
  let madeInert = [];

  const sidebar = () => document.querySelector(".md-sidebar--primary");

  // Every element beside the path from the drawer up to <body>, but the
  // toggles and the overlay that closes the drawer when clicked.
  function surroundings(element) {
    const around = [];
    for (let node = element; node && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling !== node && !sibling.matches("input, script, .md-overlay")) {
          around.push(sibling);
        }
      }
    }
    return around;
  }

  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    for (const element of madeInert) element.inert = false;
    madeInert = [];
    const menu = sidebar();
    if (!menu) return;
    if (open) {
      madeInert = surroundings(menu).filter((element) => !element.inert);
      for (const element of madeInert) element.inert = true;
      menu.querySelector("a[href], button, input:not([type=checkbox]), [tabindex='0']")?.focus();
    } else if (menu.contains(document.activeElement)) {
      button.focus();
    }
  }

  button.addEventListener("click", () => drawer.click());
  // Material closes the drawer itself too (by a click on the checkbox), on
  // navigation or a click on the overlay: every way goes through this event.
  drawer.addEventListener("change", () => {
    setOpen(drawer.checked);
    // The current page's table of contents, left open, would lie over the menu
    // the next time it opens: it closes with the menu.
    const contents = sidebar()?.querySelector("#__toc:checked");
    if (!drawer.checked && contents) contents.click();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && drawer.checked) drawer.click();
  });
})();

// The search button (narrow screens only, overrides/partials/header.html) opens
// Material's search and puts the focus in its field. When the search closes from
// the keyboard (Escape, Tab), the focus comes back to the button.
(() => {
  const search = document.getElementById("__search");
  const button = document.querySelector("[data-site-search]");
  const field = document.querySelector(".md-search__input");
  if (!search || !button || !field) return;
  button.addEventListener("click", () => {
    if (!search.checked) search.click();
    field.focus();
  });
  search.addEventListener("change", () => {
    const shown = button.getClientRects().length > 0;
    if (!search.checked && shown && field.closest(".md-search").contains(document.activeElement)) {
      button.focus();
    }
  });
})();

// The palette (overrides/partials/palette.html): one button per palette, and
// Material shows the one of the palette in use. Pressed (Enter, Space, a click),
// it checks the next palette's radio, which Material reads; the focus goes on to
// the button Material shows then. Material's own Enter handler on the palette
// would switch a second time and focus a hidden radio: it does not hear Enter here.
document.addEventListener(
  "keydown",
  (event) => {
    if (event.key === "Enter" && event.target.matches?.("[data-site-palette]")) {
      event.stopPropagation();
    }
  },
  true,
);
document.addEventListener("click", ({ target }) => {
  const palette = target.closest?.("[data-site-palette]");
  if (palette) {
    const focused = document.activeElement === palette;
    document.getElementById(palette.dataset.sitePalette).click();
    if (focused) palette.parentElement.querySelector("button:not([hidden])").focus();
  }
  // "Back to top" hides itself once the page is at the top, and would take the
  // focus with it: the focus goes to the top of the page, the skip link.
  if (target.closest?.(".md-top")) document.querySelector(".md-skip")?.focus();
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
  // the pointer. Material makes a new content tooltip (.md-tooltip2) the next time
  // one is wanted. A header tooltip (the logo's, the palette's) is one element that
  // Material fades in and out by a class: it fades out, and Material fades it in
  // again the next time its button is pointed at or focused.
  function dismissTooltips(event) {
    if (event.key !== "Escape") return;
    for (const tooltip of document.querySelectorAll(".md-tooltip2--active")) {
      tooltip.hidden = true;
    }
    for (const tooltip of document.querySelectorAll(".md-tooltip--active")) {
      tooltip.classList.remove("md-tooltip--active");
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
      announceDialogMessages();
    });
  }
})();

// ---------------------------------------------------------------------------
// Content tabs as tabs (WAI-ARIA's tabs pattern)
// ---------------------------------------------------------------------------
// pymdownx.tabbed writes a set of radios with their labels; Material puts a link
// in each label ("#__tabbed_1_1") when it mounts the set. Radios without a group
// name, and five links named "Python" going five places, were what a screen
// reader met. With scripts, each label's link is a tab (the selected one the
// set's tab stop), the labels' row a tab list named by the heading before it,
// and each block a tab panel; arrow keys, Home and End move between the tabs and
// show them. The radios, still what Material and the styles read, leave the tab
// order. Without scripts the radios are the controls, as before.
(() => {
  // A set's radios, with each one's tab (its label's link, once Material has mounted
  // the set) and block: pymdownx.tabbed writes the three in the same order.
  const parts = (set) => {
    const labels = set.querySelectorAll(":scope > .tabbed-labels > label");
    const blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
    return [...set.querySelectorAll(":scope > input")].map((input, index) => {
      return [input, labels[index]?.firstElementChild, blocks[index]];
    });
  };

  const showSelected = (set) => {
    for (const [input, tab] of parts(set)) {
      if (!tab) continue;
      tab.ariaSelected = input.checked;
      tab.tabIndex = input.checked ? 0 : -1;
    }
  };

  // Returns whether the set had its links to make tabs of.
  function makeTabs(set) {
    const all = parts(set);
    if (all.some(([, tab, panel]) => !tab || !panel)) return false;
    const list = set.querySelector(":scope > .tabbed-labels");
    list.role = "tablist";
    // Named by the heading of the section the set is in.
    const before = (heading) =>
      heading.compareDocumentPosition(set) & Node.DOCUMENT_POSITION_FOLLOWING;
    const headings = set.closest("article").querySelectorAll(":is(h1, h2, h3, h4, h5, h6)[id]");
    list.ariaLabelledByElements = [...headings].filter(before).slice(-1);
    for (const [input, tab, panel] of all) {
      tab.role = "tab";
      panel.role = "tabpanel";
      tab.ariaControlsElements = [panel];
      panel.ariaLabelledByElements = [tab];
      input.tabIndex = -1;
      input.ariaHidden = true;
    }
    showSelected(set);
    return true;
  }

  document$.subscribe(() => {
    for (const set of document.querySelectorAll(".md-content .tabbed-set")) {
      if (makeTabs(set)) continue;
      const mounted = new MutationObserver(() => makeTabs(set) && mounted.disconnect());
      mounted.observe(set.querySelector(".tabbed-labels"), { childList: true, subtree: true });
    }
  });

  // A radio changes by a click on its label, or by Material linking the sets.
  document.addEventListener("change", (event) => {
    const set = event.target.parentElement;
    if (set?.matches(".tabbed-set")) showSelected(set);
  });

  document.addEventListener("keydown", (event) => {
    const tab = event.target.closest?.(".tabbed-labels [role=tab]");
    if (!tab || event.altKey || event.ctrlKey || event.metaKey) return;
    const tabs = [...tab.parentElement.parentElement.querySelectorAll("[role=tab]")];
    const at = tabs.indexOf(tab);
    const keys = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: -1, " ": at, Enter: at };
    if (!(event.key in keys)) return;
    event.preventDefault();
    const next = tabs.at(keys[event.key] % tabs.length);
    // A click on the label checks its radio: Material shows the panel, moves its bar
    // and, as for a reader's click, switches the other sets to the same language.
    if (next !== tab) next.parentElement.click();
    next.focus();
  });
})();
