// The board report's print button (no inline handlers, so the page works under a strict script policy).
(function () {
  'use strict';
  document.querySelectorAll('[data-print-page]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
}());
