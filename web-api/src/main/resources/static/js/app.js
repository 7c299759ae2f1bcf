// Behaviour shared by every page (the CSP allows no inline scripts).
(function () {
  'use strict';
  // htmx requests ride on the session: send the CSRF token as a header.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="_csrf_header"]');
    var token = document.querySelector('meta[name="_csrf"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });
  // Forms that change something important ask first: <form data-confirm="…">.
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
      return;
    }
    // A long request shows its progress: <form data-busy="…"> disables its button and says so.
    var busy = event.target.getAttribute && event.target.getAttribute('data-busy');
    if (busy) {
      var button = event.target.querySelector('button[type=submit]');
      if (button) { button.disabled = true; button.textContent = busy; }
      event.target.setAttribute('aria-busy', 'true');
    }
  });
})();
