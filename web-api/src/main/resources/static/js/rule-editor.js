// The rule editor: CodeMirror over the text area (line numbers, highlighting, indentation kept), the
// compile errors marked on their lines, the first one in view; clicking an error goes to its line.
(function () {
  'use strict';
  var area = document.getElementById('source');
  if (!area || !window.CodeMirror) {
    return; // without scripts the plain text area still edits and saves
  }
  var editor = window.CodeMirror.fromTextArea(area, {
    lineNumbers: true,
    mode: area.getAttribute('data-mode') || 'text/plain',
    indentUnit: 4,
    tabSize: 4,
    lineWrapping: false,
    screenReaderLabel: '规则文件内容'
  });
  window.ruleEditor = editor;
  var errors = document.querySelectorAll('#editor-errors li[data-line]');
  errors.forEach(function (item) {
    var line = parseInt(item.getAttribute('data-line'), 10) - 1;
    editor.addLineClass(line, 'background', 'cm-error-line');
    var link = item.querySelector('a');
    if (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        editor.focus();
        editor.setCursor({line: line, ch: 0});
        editor.scrollIntoView({line: line, ch: 0}, 120);
      });
    }
  });
  if (errors.length > 0) {
    var first = parseInt(errors[0].getAttribute('data-line'), 10) - 1;
    editor.setCursor({line: first, ch: 0});
    editor.scrollIntoView({line: first, ch: 0}, 120);
    document.getElementById('edit-error').scrollIntoView({block: 'start'});
  }
})();
