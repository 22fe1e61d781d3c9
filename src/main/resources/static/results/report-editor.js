// The report editor: the wave's template in a text area (or from an uploaded file), previewed as report.html renders
// it, with its problems by line. Nothing is stored until "save"; "back to the file" undoes a saved copy.
(function () {
  'use strict';

  var body = document.body;
  var api = '/api/results/' + encodeURIComponent(body.dataset.survey) + '/' + encodeURIComponent(body.dataset.wave);
  var maxBytes = Number(body.dataset.maxBytes);
  var texts = document.getElementById('texts').dataset;
  var csrf = {};
  csrf[document.querySelector('meta[name=csrf-header]').content] = document.querySelector('meta[name=csrf-token]').content;
  var area = document.getElementById('template');
  var message = document.getElementById('message');
  var revision = 0;
  var latest = 0;
  var timer = null;

  function t(key, values) {
    var text = texts[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split('{' + name + '}').join(String(values[name]));
    });
    return text;
  }

  function request(method, path, content, type) {
    var headers = Object.assign({ Accept: 'application/json' }, csrf);
    if (type) {
      headers['Content-Type'] = type;
    }
    return fetch(api + path, { method: method, headers: headers, body: content, credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          return { status: response.status, ok: response.ok, json: json };
        });
      });
  }

  // The server's reason in the page's language; a refusal before the app (too large for any upload) has none.
  function refusal(answer) {
    if (answer.json && answer.json.detail) {
      return answer.json.detail;
    }
    return answer.status === 413 ? t('tooLarge') : t('failed', { status: answer.status });
  }

  function say(text, kind) {
    message.textContent = text;
    message.className = kind || '';
  }

  function describe(stored) {
    revision = stored.revision;
    document.getElementById('revert').hidden = !stored.saved;
    var source = document.getElementById('source');
    source.textContent = stored.saved
      ? t('fromSaved', { revision: stored.revision, savedBy: stored.savedBy,
        savedAt: new Date(stored.savedAt).toLocaleString(document.documentElement.lang), file: stored.file })
      : stored.template ? t('fromFile', { file: stored.file }) : t('noFile', { file: stored.file });
    source.className = stored.saved ? 'saved' : 'file';
  }

  function selectLine(line) {
    var lines = area.value.split('\n');
    var start = lines.slice(0, line - 1).reduce(function (sum, l) { return sum + l.length + 1; }, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1] || '').length);
  }

  function showProblems(problems) {
    var list = document.getElementById('problems');
    list.textContent = '';
    var errors = problems.filter(function (p) { return p.error; }).length;
    document.getElementById('problem-count').textContent =
      '(' + t('count', { errors: errors, warnings: problems.length - errors }) + ')';
    if (problems.length === 0) {
      var none = document.createElement('li');
      none.className = 'none';
      none.textContent = t('noProblems');
      list.appendChild(none);
      return;
    }
    problems.forEach(function (p) {
      var item = document.createElement('li');
      item.className = p.error ? 'error' : 'warning';
      item.dataset.line = p.line;
      var where = document.createElement('button');
      where.type = 'button';
      where.className = 'line';
      where.textContent = (p.error ? t('error') : t('warning')) + ', ' + t('line', { line: p.line });
      where.addEventListener('click', function () { selectLine(p.line); });
      item.appendChild(where);
      item.appendChild(document.createTextNode(' ' + p.message));
      list.appendChild(item);
    });
  }

  // Every number typed by hand, with what the data nearby says of it (the warnings are among the problems too).
  function showTyped(typed) {
    document.getElementById('typed-count').textContent = '(' + typed.length + ')';
    var list = document.getElementById('typed');
    list.textContent = '';
    typed.forEach(function (n) {
      var item = document.createElement('li');
      item.className = n.verdict.toLowerCase().replace('_', '-');
      item.textContent = t('line', { line: n.line }) + ': \u2018' + n.text + '\u2019 \u2014 ' + t({ MATCHES: 'verdictMatches', LABEL: 'verdictLabel', NO_MATCH: 'verdictNoMatch' }[n.verdict]);
      list.appendChild(item);
    });
  }

  // Only the answer to the newest text is shown: an older one that arrives late is dropped.
  function preview() {
    clearTimeout(timer);
    var asked = ++latest;
    body.setAttribute('aria-busy', 'true');
    return request('POST', '/report/preview', area.value, 'text/plain; charset=utf-8').then(function (answer) {
      if (asked !== latest) {
        return;
      }
      body.removeAttribute('aria-busy');
      if (!answer.ok) {
        say(refusal(answer), 'problem');
        return;
      }
      document.getElementById('preview').srcdoc = answer.json.html;
      showProblems(answer.json.problems);
      showTyped(answer.json.typed);
      body.dataset.rendered = String(asked);
    });
  }

  function load() {
    return request('GET', '/report/stored').then(function (answer) {
      if (!answer.ok) {
        say(refusal(answer), 'problem');
        return null;
      }
      describe(answer.json);
      area.value = answer.json.template;
      return preview();
    });
  }

  var unsaved = false;
  window.addEventListener('beforeunload', function (event) {
    if (unsaved) {
      event.preventDefault();
    }
  });

  area.addEventListener('input', function () {
    unsaved = true;
    say(t('unsaved'));
    clearTimeout(timer);
    timer = setTimeout(preview, 600);
  });

  // Without edits here, the text in use is read again first: an edit of the file (or another analyst's save) shows
  // when the analyst asks for a preview or comes back to this window from their own editor.
  function refresh() {
    return unsaved ? preview() : load();
  }

  document.getElementById('preview-button').addEventListener('click', refresh);
  window.addEventListener('focus', function () {
    if (!unsaved) {
      load();
    }
  });

  document.getElementById('upload').addEventListener('change', function (event) {
    var file = event.target.files[0];
    event.target.value = '';
    if (!file) {
      return;
    }
    if (file.size > maxBytes) {
      say(t('tooLarge'), 'problem');
      return;
    }
    var form = new FormData();
    form.append('file', file);
    request('POST', '/report/upload', form).then(function (answer) {
      if (!answer.ok) {
        say(refusal(answer), 'problem');
        return;
      }
      area.value = answer.json.template;
      unsaved = true;
      say(t('loaded', { file: file.name }) + ' ' + t('unsaved'));
      preview();
    });
  });

  document.getElementById('save').addEventListener('click', function () {
    request('PUT', '/report/template?revision=' + revision, area.value, 'text/plain; charset=utf-8').then(function (answer) {
      if (!answer.ok) {
        say(refusal(answer), 'problem');
        if (answer.json && answer.json.problems) {
          showProblems(answer.json.problems);
        }
        return;
      }
      describe(answer.json);
      unsaved = false;
      say(t('saved'), 'done');
    });
  });

  document.getElementById('revert').addEventListener('click', function () {
    request('DELETE', '/report/template?revision=' + revision).then(function (answer) {
      if (!answer.ok) {
        say(refusal(answer), 'problem');
        return;
      }
      describe(answer.json);
      area.value = answer.json.template;
      unsaved = false;
      say(t('reverted'), 'done');
      preview();
    });
  });

  load();
}());
