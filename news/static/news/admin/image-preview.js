// The photograph form: shows the chosen file before it is uploaded, and sets the focal point
// of the crops where the preview is clicked (the two focal point fields stay editable too).
"use strict";
(function () {
  function connect(preview) {
    const image = preview.querySelector("img");
    const marker = preview.querySelector(".image-preview__focus");
    const fieldX = document.getElementById("id_focus_x");
    const fieldY = document.getElementById("id_focus_y");
    const upload = document.getElementById("id_upload");

    function place() {
      const x = fieldX ? Number(fieldX.value) : Number(preview.dataset.focusX);
      const y = fieldY ? Number(fieldY.value) : Number(preview.dataset.focusY);
      marker.style.left = `${x * 100}%`;
      marker.style.top = `${y * 100}%`;
    }

    if (upload) {
      upload.addEventListener("change", function () {
        const file = upload.files && upload.files[0];
        if (!file) {
          return;
        }
        // A data: address, which the admin's Content-Security-Policy allows for images.
        const reader = new FileReader();
        reader.addEventListener("load", function () {
          image.removeAttribute("width");
          image.removeAttribute("height");
          image.src = reader.result;
          preview.hidden = false;
        });
        reader.readAsDataURL(file);
      });
    }
    if (fieldX && fieldY) {
      image.addEventListener("click", function (event) {
        const box = image.getBoundingClientRect();
        fieldX.value = ((event.clientX - box.left) / box.width).toFixed(3);
        fieldY.value = ((event.clientY - box.top) / box.height).toFixed(3);
        place();
      });
      fieldX.addEventListener("input", place);
      fieldY.addEventListener("input", place);
    }
    place();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".image-preview").forEach(connect);
  });
})();
