/*
 * The decision helper on the "Decide" page: ticks in, verdict out.
 *
 * The decision logic is data the macros embed in the page
 * (#decision-helper-data, built from macros/data.py): which side each signal
 * points to, and which verdict answers each set of sides. This script only
 * collects the sides of the ticked signals, shows the verdict whose sides are
 * exactly that set (its wording is a template in the page, rules of thumb
 * included) with the ticked signals as reasons, and keeps the ticks in the URL
 * so a result can be shared: its button copies that URL.
 *
 * Only the verdict's headline sits in the live region, and it changes only
 * when the verdict does: a screen reader announces the answer briefly, once,
 * and the reasons and rules below it are there to read, not re-read on every tick.
 */
(() => {
  "use strict";

  const sameSides = (a, b) => a.length === b.length && a.every((side) => b.includes(side));

  const clonedChildren = (element) =>
    Array.from(element.cloneNode(true).childNodes);

  function readTicks(parameter) {
    const value = new URLSearchParams(window.location.search).get(parameter);
    return value ? value.split(/[\s,]+/) : [];
  }

  function urlWithTicks(parameter, ids) {
    const url = new URL(window.location.href);
    if (ids.length) {
      url.searchParams.set(parameter, ids.join(" "));
    } else {
      url.searchParams.delete(parameter);
    }
    return url;
  }

  function mount() {
    const payload = document.getElementById("decision-helper-data");
    const result = document.getElementById("decision-result");
    // Instant navigation swaps the page without a reload: mount each new copy once.
    if (!payload || !result || result.dataset.mounted) return;
    result.dataset.mounted = "true";

    const data = JSON.parse(payload.dataset.payload);
    const template = (selector) => result.querySelector(`.decision-result__templates ${selector}`);
    const live = result.querySelector(".decision-result__live");
    const details = result.querySelector(".decision-result__details");
    const share = result.querySelector(".decision-result__share");
    let shownVerdict = "";
    let shareUrl = "";
    const signals = data.signals
      .map((signal) => ({ ...signal, box: document.getElementById(signal.input) }))
      .filter((signal) => signal.box);

    function reasonItem(signal) {
      const item = document.createElement("li");
      const label = document.querySelector(`label[for="${CSS.escape(signal.input)}"]`);
      if (signal.lead) item.append(`${signal.lead} `);
      item.append(...clonedChildren(label));
      return item;
    }

    function show() {
      const ticked = signals.filter((signal) => signal.box.checked);
      const sides = [...new Set(ticked.map((signal) => signal.side))];
      const verdict = data.verdicts.find((candidate) => sameSides(candidate.sides, sides));
      const answer = template(`[data-verdict="${CSS.escape(verdict.id)}"]`).cloneNode(true);
      const reasons = answer.querySelector(".decision-result__reasons");
      if (reasons) reasons.append(...ticked.map(reasonItem));

      result.dataset.verdict = verdict.id;
      const headline = answer.querySelector(".decision-verdict__headline");
      if (verdict.id === shownVerdict) {
        headline.remove();
      } else {
        live.replaceChildren(headline);
        shownVerdict = verdict.id;
      }
      details.replaceChildren(...answer.childNodes);

      const url = urlWithTicks(data.parameter, ticked.map((signal) => signal.id));
      // Keep Material's history state (its scroll position) and change only the URL.
      window.history.replaceState(window.history.state, "", url);
      url.hash = ""; // Material's section tracking may have set one: a shared answer opens at the top.
      shareUrl = url.href;
    }

    // Copies the link rather than following it: following it reloaded the page
    // and lost the reader's place. Material's dialog shows and announces the outcome.
    async function copyShareUrl() {
      let message = share.dataset.copied;
      try {
        await navigator.clipboard.writeText(shareUrl);
      } catch {
        message = share.dataset.failed;
      }
      if (window.alert$) window.alert$.next(message);
    }

    const wanted = readTicks(data.parameter);
    signals.forEach((signal) => {
      signal.box.checked = wanted.includes(signal.id);
      signal.box.addEventListener("change", show);
    });
    result.querySelector(".decision-result__clear").addEventListener("click", () => {
      signals.forEach((signal) => {
        signal.box.checked = false;
      });
      show();
    });
    share.addEventListener("click", copyShareUrl);
    result.hidden = false;
    show();
  }

  // The script comes with the Decide page (overrides/main.html), before Material's
  // bundle on a first view, and again after each instant navigation to it: it starts
  // once, and from then on mounts on every page Material shows.
  if (window.decisionHelperStarted) return;
  window.decisionHelperStarted = true;
  const start = () => (window.document$ ? window.document$.subscribe(mount) : mount());
  // On a first view this deferred script runs before the bundle that defines document$,
  // which is there by DOMContentLoaded; after an instant navigation it is there already.
  if (window.document$) {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  }
})();
