// The source view's popover: hover (or focus) a highlight to see its fields, click to pin, Esc to close.
// Document text is never inserted as HTML: every value goes in with textContent.
(() => {
  "use strict";
  const items = JSON.parse(document.getElementById("luoshi-items").textContent);
  const labels = JSON.parse(document.getElementById("luoshi-labels").textContent);
  const pop = document.getElementById("popover");
  const source = document.querySelector(".source");
  let pinned = null;

  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  };

  const display = (field, value) => {
    const table = labels.values[field];
    const key = String(value);
    return table && key in table ? table[key] : key;
  };

  function fill(target) {
    pop.replaceChildren();
    if (pinned) {
      const close = el("button", "×", "close");
      close.type = "button";
      close.setAttribute("aria-label", "关闭");
      close.addEventListener("click", unpin);
      pop.append(close);
    }
    // Innermost item first: it is the one the reader pointed at.
    for (const id of target.dataset.items.split(" ").reverse()) {
      const item = items[id];
      if (!item) continue;
      pop.append(el("h3", labels.kinds[item.kind] || item.kind));
      const dl = el("dl");
      for (const [field, value] of Object.entries(item.fields)) {
        if (value === null || value === "") continue;
        if (field === "indicator_simplified" && value === item.fields.indicator) continue;
        dl.append(el("dt", labels.fields[field] || field), el("dd", display(field, value)));
      }
      pop.append(dl);
    }
  }

  function place(target) {
    const box = target.getBoundingClientRect();
    pop.hidden = false;
    const width = pop.offsetWidth;
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    pop.style.left = `${left + window.scrollX}px`;
    pop.style.top = `${box.bottom + window.scrollY + 6}px`;
  }

  function show(target) {
    fill(target);
    place(target);
  }

  function pin(target) {
    if (pinned) pinned.removeAttribute("aria-describedby");
    pinned = target;
    target.setAttribute("aria-describedby", "popover");
    pop.classList.add("pinned");
    show(target);
  }

  function hide() {
    if (!pinned) pop.hidden = true;
  }

  function unpin() {
    if (pinned) pinned.removeAttribute("aria-describedby");
    pinned = null;
    pop.classList.remove("pinned");
    pop.hidden = true;
  }

  source.addEventListener("mouseover", (e) => {
    const target = e.target.closest(".hl");
    if (target && !pinned) show(target);
  });
  source.addEventListener("mouseout", (e) => {
    if (e.target.closest(".hl") && !(e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest(".hl"))) hide();
  });
  source.addEventListener("focusin", (e) => {
    const target = e.target.closest(".hl");
    if (target && !pinned) show(target);
  });
  source.addEventListener("focusout", hide);
  source.addEventListener("click", (e) => {
    const target = e.target.closest(".hl");
    if (!target) return;
    if (pinned === target) unpin();
    else pin(target);
  });

  // A link to …/source#m12 opens item m12: scrolled into view with its fields pinned.
  function openLinked() {
    let id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch { return; }  // a mangled link opens nothing
    if (!Object.hasOwn(items, id)) return;
    const target = source.querySelector(`.hl[data-items~="${CSS.escape(id)}"]`);
    if (!target) return;
    target.scrollIntoView({block: "center"});
    pin(target);
  }
  window.addEventListener("hashchange", openLinked);
  openLinked();
  // The legend's buttons hide or show one kind of highlight.
  for (const key of document.querySelectorAll(".legend .key")) {
    key.addEventListener("click", () => {
      const on = key.getAttribute("aria-pressed") !== "true";
      key.setAttribute("aria-pressed", String(on));
      source.classList.toggle(`off-${key.dataset.kind}`, !on);
    });
  }
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") unpin();
  });
})();
