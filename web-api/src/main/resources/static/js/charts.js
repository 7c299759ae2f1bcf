// Draws every <div data-echarts="{…options…}"> with ECharts (options are built on the server).
(function () {
  'use strict';
  function draw(root) {
    root.querySelectorAll('[data-echarts]').forEach(function (el) {
      if (el.getAttribute('data-drawn')) { return; }
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(el.getAttribute('data-echarts')));
      el.setAttribute('data-drawn', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSettle', function (event) { draw(event.target); });
})();
