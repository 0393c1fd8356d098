// NHS.UK conditional radios without the design system's script, which marks each radio aria-expanded — an
// attribute ARIA does not allow on a radio (axe: aria-allowed-attr). A radio with data-aria-controls reveals
// the element it names while it is checked; every other radio of its group hides it again.
(function () {
  'use strict';
  document.querySelectorAll('[data-jc-conditional-radios]').forEach(function (group) {
    var radios = Array.prototype.slice.call(group.querySelectorAll('input[type="radio"]'));
    function sync() {
      radios.forEach(function (radio) {
        var id = radio.getAttribute('data-aria-controls');
        var target = id && document.getElementById(id);
        if (target) {
          radio.setAttribute('aria-controls', id);
          target.classList.toggle('nhsuk-radios__conditional--hidden', !radio.checked);
        }
      });
    }
    radios.forEach(function (radio) { radio.addEventListener('change', sync); });
    sync();
  });
}());
