// The release form's one language switch, and the body editor in the interface's language.
//
// The server groups each language's texts in a fieldset (.release-language--<code>) and
// renders a hidden tablist naming the original language (data-original-language). Here the
// tablist and the select beside the heading are shown, kept in step, and show one language's
// fieldset at a time; without this script every fieldset stays in view.
(() => {
  "use strict";

  // The editor's English words, as news/admin/editor.py translates them.
  let labels = null;
  const translated = (text) => {
    if (labels === null) {
      const data = document.getElementById("editor-labels");
      if (!data) return null;
      labels = JSON.parse(data.textContent);
    }
    return Object.hasOwn(labels, text) ? labels[text] : null;
  };

  // The editor asks window.gettext for its dialogs when its module runs, after this script.
  const djangoGettext = window.gettext || ((text) => text);
  window.gettext = (text) => translated(text) ?? djangoGettext(text);

  const translateToolbar = (root) => {
    root.querySelectorAll(".prose-menubar [title], .prose-menubar [aria-label]").forEach((node) => {
      for (const attribute of ["title", "aria-label"]) {
        const label = translated(node.getAttribute(attribute) || "");
        if (label && label !== node.getAttribute(attribute)) node.setAttribute(attribute, label);
      }
    });
    root.querySelectorAll(".prose-menubar__option > *").forEach((node) => {
      const label = translated(node.textContent);
      // Writing only what differs keeps this from waking the observer below for ever.
      if (label && label !== node.textContent) node.textContent = label;
    });
  };

  // The editable area is made by the editor's script: give it its field's label as its name.
  const nameEditors = (root) => {
    root.querySelectorAll(".prose-editor").forEach((editor) => {
      const textarea = editor.querySelector("textarea");
      const area = editor.querySelector("[contenteditable]");
      const label = textarea && document.querySelector(`label[for="${textarea.id}"]`);
      if (!area || !label) return;
      label.id = label.id || `${textarea.id}_label`;
      area.setAttribute("aria-labelledby", label.id);
      area.setAttribute("lang", textarea.getAttribute("lang") || "");
    });
  };

  const watchEditors = () => {
    const update = () => {
      translateToolbar(document);
      nameEditors(document);
    };
    update();
    new MutationObserver((records) => {
      if (records.some((record) => record.addedNodes.length)) update();
    }).observe(document.body, { childList: true, subtree: true });
  };

  const setUpSwitch = () => {
    const tablist = document.querySelector(".release-languages[role=tablist]");
    if (!tablist) return;
    const tabs = [...tablist.querySelectorAll("[role=tab]")];
    const fieldsets = new Map(
      tabs.map((tab) => [
        tab.dataset.language,
        document.querySelector(`fieldset.release-language--${tab.dataset.language}`),
      ]),
    );
    const select = document.getElementById("release-language-select");
    const originalSelect = document.getElementById("id_original_language");

    const show = (code, { focus = false } = {}) => {
      for (const tab of tabs) {
        const selected = tab.dataset.language === code;
        const fieldset = fieldsets.get(tab.dataset.language);
        tab.setAttribute("aria-selected", String(selected));
        tab.tabIndex = selected ? 0 : -1;
        if (fieldset) fieldset.hidden = !selected;
        if (selected && focus) tab.focus();
      }
      if (select) select.value = code;
    };

    const markOriginal = (code) => {
      for (const tab of tabs) {
        tab.querySelector(".release-languages__original")?.remove();
        if (tab.dataset.language === code) {
          const mark = document.createElement("span");
          mark.className = "release-languages__original";
          mark.textContent = ` (${tablist.dataset.originalLabel})`;
          tab.append(mark);
        }
      }
    };

    tabs.forEach((tab, index) => {
      const fieldset = fieldsets.get(tab.dataset.language);
      if (fieldset) {
        fieldset.id = fieldset.id || `release-language-${tab.dataset.language}`;
        tab.setAttribute("aria-controls", fieldset.id);
      }
      tab.addEventListener("click", () => show(tab.dataset.language));
      tab.addEventListener("keydown", (event) => {
        const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
        if (!(event.key in moves)) return;
        event.preventDefault();
        const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
        show(next.dataset.language, { focus: true });
      });
    });
    select?.addEventListener("change", () => show(select.value));
    // A new release's original language may change while it is written: the mark follows.
    originalSelect?.addEventListener("change", () => markOriginal(originalSelect.value));

    // A language whose fields need correcting opens first; otherwise the original language.
    const withErrors = tabs.find((tab) =>
      fieldsets.get(tab.dataset.language)?.querySelector(".errorlist, .errors"),
    );
    const original = tablist.dataset.originalLanguage;
    markOriginal(original);
    show(withErrors ? withErrors.dataset.language : original);
    tablist.hidden = false;
    if (select) select.closest(".release-language-select").hidden = false;
  };

  document.addEventListener("DOMContentLoaded", () => {
    setUpSwitch();
    watchEditors();
  });
})();
