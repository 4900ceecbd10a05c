/*
 * Code blocks come as plain text, their colours in data-colours
 * (overrides/hooks/code_colours.py says why): runs of "class:length", or a bare
 * "length" for text left uncoloured. This script puts the spans back as a
 * block comes within half a screen of the viewport, and in every block before
 * printing. A block in a tab set or a <details> is coloured with the whole
 * set, so a tab or a summary opened later shows its code already coloured.
 */
(() => {
  "use strict";

  const uncoloured = () => document.querySelectorAll("code[data-colours]");

  // [start, end, class] for each coloured run, offsets into the code's text.
  function colouredRuns(code) {
    const runs = [];
    let offset = 0;
    for (const run of code.dataset.colours.split(" ")) {
      const [name, length] = run.includes(":") ? run.split(":") : ["", run];
      if (name) runs.push([offset, offset + Number(length), name]);
      offset += Number(length);
    }
    return runs;
  }

  // Each coloured run's text goes into a span of its class. The code is one text
  // node as published, but may be several by now: Material's search marks the
  // words searched for, and a run may cross such a mark.
  function colour(code) {
    const runs = colouredRuns(code);
    code.removeAttribute("data-colours");
    const texts = [];
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode);
    let start = 0;
    let next = 0;
    for (let text of texts) {
      const end = start + text.length;
      while (next < runs.length && runs[next][0] < end) {
        const [from, to, name] = runs[next];
        if (from > start) {
          text = text.splitText(from - start);
          start = from;
        }
        const rest = to < end ? text.splitText(to - start) : null;
        const span = document.createElement("span");
        span.className = name;
        text.replaceWith(span);
        span.append(text);
        if (to > end) break;
        next += 1;
        if (!rest) break;
        text = rest;
        start = to;
      }
      start = end;
    }
  }

  const colourAll = () => uncoloured().forEach(colour);

  // What is watched for a block: the tab set or <details> around it, or the block.
  const unitOf = (code) => code.closest(".tabbed-set, details") || code;
  const blocksIn = (unit) =>
    unit.matches("code") ? [unit] : unit.querySelectorAll("code[data-colours]");

  let observer = null;
  function watch() {
    if (observer) observer.disconnect();
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          blocksIn(entry.target).forEach(colour);
        }
      },
      { rootMargin: "50% 0px" },
    );
    new Set(Array.from(uncoloured(), unitOf)).forEach((unit) => observer.observe(unit));
  }

  // The script comes with each page that has coloured code (overrides/main.html),
  // before Material's bundle on a first view, and again after each instant
  // navigation to such a page: it starts once, then watches every page shown.
  if (window.codeColoursStarted) return;
  window.codeColoursStarted = true;
  window.addEventListener("beforeprint", colourAll);
  const start = () => (window.document$ ? window.document$.subscribe(watch) : watch());
  if (window.document$) {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  }
})();
