// Gatehouse console: the one script of its own (CSP forbids inline script). Copy buttons copy the
// value of the field they name: <button data-copy="secret">. Clearing the clipboard is left to the user.
(function () {
  'use strict';
  function say(text) {
    var status = document.getElementById('copy-status');
    if (status) { status.textContent = text; }
  }
  function fallback(field) {
    field.focus();
    field.select();
    try {
      say(document.execCommand('copy') ? 'Copied.' : 'Select the text and copy it.');
    } catch (e) {
      say('Select the text and copy it.');
    }
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-copy]');
    if (!button) { return; }
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) { return; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { say('Copied.'); }, function () { fallback(field); });
    } else {
      fallback(field);
    }
  });
}());
