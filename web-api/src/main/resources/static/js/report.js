// The printable report: the print button opens the browser's print dialog (A4, print stylesheet).
(function () {
  'use strict';
  var button = document.getElementById('print-report');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
})();
