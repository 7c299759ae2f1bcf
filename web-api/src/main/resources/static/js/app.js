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
  // A form sent back with errors: bring its error summary (or first invalid field) into view and focus it,
  // so the person sees what to fix where they are looking, on a phone too (issue 14, defect 8).
  document.addEventListener('DOMContentLoaded', function () {
    if (document.activeElement && document.activeElement !== document.body) {
      return; // a page script already brought its own first error into view
    }
    var first = document.querySelector('[data-first-error], main .alert.error[role=alert], main [aria-invalid=true]');
    if (first) {
      if (!first.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(first.tagName)) {
        first.setAttribute('tabindex', '-1');
      }
      first.scrollIntoView({block: 'center'});
      first.focus({preventScroll: true});
    }
  });
})();
