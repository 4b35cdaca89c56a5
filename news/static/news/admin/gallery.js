// A release's gallery: drag a row by its handle to reorder the photographs (the position
// numbers follow), or type the numbers; a photograph chosen from the library shows at once.
"use strict";
(function () {
  function rows(body) {
    return Array.from(body.querySelectorAll("tr.form-row:not(.empty-form)"));
  }

  function renumber(body) {
    rows(body).forEach(function (row, index) {
      const position = row.querySelector("td.field-position input");
      if (position) {
        position.value = index + 1;
      }
    });
  }

  function addHandle(row) {
    const cell = row.querySelector("td.field-position");
    if (!cell || row.classList.contains("empty-form") || cell.querySelector(".gallery-handle")) {
      return;
    }
    const handle = document.createElement("span");
    handle.className = "gallery-handle";
    handle.draggable = true;
    handle.textContent = "⠿";
    handle.setAttribute("aria-hidden", "true");
    cell.prepend(handle);
  }

  function connect(body) {
    let dragged = null;
    rows(body).forEach(addHandle);
    body.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("tr.form-row");
      dragged.classList.add("gallery-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.id);
    });
    body.addEventListener("dragover", function (event) {
      const row = event.target.closest("tr.form-row");
      if (!dragged || !row || row === dragged || row.classList.contains("empty-form")) {
        return;
      }
      event.preventDefault();
      const box = row.getBoundingClientRect();
      row.parentNode.insertBefore(
        dragged,
        event.clientY < box.top + box.height / 2 ? row : row.nextSibling,
      );
    });
    body.addEventListener("drop", function (event) {
      event.preventDefault();
    });
    body.addEventListener("dragend", function () {
      if (dragged) {
        dragged.classList.remove("gallery-dragging");
        dragged = null;
        renumber(body);
      }
    });
  }

  function showThumbnail(input) {
    const row = input.closest("tr");
    const cell = row && row.querySelector("td.field-thumbnail");
    if (!cell) {
      return;
    }
    cell.replaceChildren();
    if (/^\d+$/.test(input.value)) {
      const image = document.createElement("img");
      image.className = "image-thumbnail";
      image.src = input.dataset.thumbnailUrl.replace("__number__", input.value);
      image.width = image.height = 80;
      image.alt = "";
      cell.append(image);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("fieldset.gallery tbody").forEach(connect);
    if (window.django && window.django.jQuery) {
      const $ = window.django.jQuery;
      // The admin's lookup window and new rows announce themselves through jQuery events.
      $(document).on("change", "input[data-thumbnail-url]", function () {
        showThumbnail(this);
      });
      $(document).on("formset:added", function (event) {
        const row = event.target;
        if (row.closest("fieldset.gallery")) {
          addHandle(row);
        }
      });
    }
  });
})();
