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
  // The visit form takes the phone's position only when asked and allowed (navigator.geolocation):
  // the button fills the hidden latitude/longitude fields. Without script the button stays hidden
  // and the visit is recorded without a position.
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('locate');
    var lat = document.getElementById('latitude');
    var lon = document.getElementById('longitude');
    var status = document.getElementById('position-status');
    if (!button || !lat || !lon || !status || !navigator.geolocation) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      status.textContent = '正在获取位置…';
      navigator.geolocation.getCurrentPosition(function (position) {
        lat.value = position.coords.latitude.toFixed(6);
        lon.value = position.coords.longitude.toFixed(6);
        status.textContent = '已记录位置：纬度 ' + lat.value + '，经度 ' + lon.value
            + '（精度约 ' + Math.round(position.coords.accuracy) + ' 米）';
        button.disabled = false;
      }, function (error) {
        status.textContent = error.code === 1 ? '未获得使用位置的许可，检查记录将不带位置。'
            : '暂时无法获取位置，可稍后再试；检查记录也可以不带位置保存。';
        button.disabled = false;
      }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
    });
  });
})();
