// Rule pages: a compile-error view opens at the first error (the page may be long: a whole file).
(function () {
  'use strict';
  var first = document.querySelector('tr.error-line');
  if (first) {
    first.scrollIntoView({block: 'center'});
    var link = document.querySelector('.first-error-link');
    if (link) { link.focus({preventScroll: true}); }
  }
})();
