// Fills a language's slug from its title while the editor types, with the same letters the
// server uses (news/text.py hands its table to every slug field), until the editor edits the
// slug by hand. Existing slugs are never rewritten: published addresses must not move.
"use strict";
(function () {
  function makeSlug(text, table, maxLength) {
    let latin = "";
    for (const letter of text) {
      latin += Object.prototype.hasOwnProperty.call(table, letter) ? table[letter] : letter;
    }
    const slug = latin
      .normalize("NFKD")
      .replace(/[^\x00-\x7f]/g, "")
      .toLowerCase()
      .replace(/[^\w\s-]/g, "")
      .replace(/[-\s]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "");
    if (slug.length <= maxLength) {
      return slug;
    }
    const cut = slug.slice(0, maxLength + 1);
    const boundary = cut.lastIndexOf("-");
    return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, "");
  }

  function connect(slugField) {
    const source = document.getElementById(slugField.dataset.slugSource);
    if (!source || slugField.value) {
      return;
    }
    const table = JSON.parse(slugField.dataset.transliteration);
    const maxLength = Number(slugField.dataset.slugMaxLength);
    let editedByHand = false;
    slugField.addEventListener("input", function () {
      editedByHand = slugField.value !== "";
    });
    source.addEventListener("input", function () {
      if (!editedByHand) {
        slugField.value = makeSlug(source.value, table, maxLength);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-slug-source]").forEach(connect);
  });
})();
