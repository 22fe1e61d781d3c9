// The analysts' results page: per question a bar chart (single choice also a pie chart) drawn as inline SVG,
// frequency tables with counts beside whole percents, counts per unit of analysis and coded open answers. It redraws when the
// server reports a change of the wave's results (server-sent events), so a completed response shows up at once.
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var COLOURS = ['#1f6f8b', '#e07a1f', '#3c9d4e', '#b83b5e', '#6a4c93', '#c9a227', '#2a9d8f', '#8d6e63', '#5c677d', '#d4578f'];
  var lang = document.documentElement.lang || 'nl';
  var texts = {};
  var current = null;
  var source = null;
  var pending = null;
  var drawing = Promise.resolve();
  var drawnOnce = false;

  function t(key, values) {
    var text = texts[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split('{' + name + '}').join(String(values[name]));
    });
    return text;
  }

  function getJson(path) {
    return fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) {
        throw new Error(path + ': ' + r.status);
      }
      return r.json();
    });
  }

  function el(name, attributes, children) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) {
      // Through the CSSOM: the Content-Security-Policy refuses style attributes.
      if (key === 'style') { node.style.cssText = attributes[key]; } else { node.setAttribute(key, attributes[key]); }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svg(name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function api(path) {
    return '/api/results/' + encodeURIComponent(current.survey) + '/' + encodeURIComponent(current.wave) + path;
  }

  // --- charts ---

  function barChart(question, counts, title) {
    var rowHeight = 26;
    var labelWidth = 230;
    var barWidth = 300;
    var height = counts.length * rowHeight + 8;
    var max = Math.max.apply(null, counts.map(function (c) { return c.count; }).concat([1]));
    var chart = svg('svg', { 'class': 'bar-chart', 'data-question': question, role: 'img',
      viewBox: '0 0 ' + (labelWidth + barWidth + 90) + ' ' + height, 'aria-label': title });
    chart.appendChild(svg('title', {}, title));
    counts.forEach(function (c, i) {
      var y = 4 + i * rowHeight;
      chart.appendChild(svg('text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', 'class': 'label' }, c.label));
      chart.appendChild(svg('rect', { x: labelWidth, y: y + 3, height: rowHeight - 8, rx: 2,
        width: Math.max(c.count > 0 ? 2 : 0, Math.round(barWidth * c.count / max)), fill: COLOURS[i % COLOURS.length],
        'data-code': c.code, 'data-count': c.count }));
      chart.appendChild(svg('text', { x: labelWidth + Math.round(barWidth * c.count / max) + 6, y: y + 17,
        'class': 'value' }, c.count + ' (' + c.percent + '%)'));
    });
    return chart;
  }

  function pieChart(question, counts, title) {
    var total = counts.reduce(function (sum, c) { return sum + c.count; }, 0);
    var chart = svg('svg', { 'class': 'pie-chart', 'data-question': question, role: 'img', viewBox: '0 0 220 220',
      'aria-label': title });
    chart.appendChild(svg('title', {}, title));
    var angle = -Math.PI / 2;
    counts.forEach(function (c, i) {
      if (c.count === 0 || total === 0) {
        return;
      }
      var colour = COLOURS[i % COLOURS.length];
      if (c.count === total) {
        chart.appendChild(svg('circle', { cx: 110, cy: 110, r: 100, fill: colour, 'data-code': c.code, 'data-count': c.count }));
        return;
      }
      var sweep = 2 * Math.PI * c.count / total;
      var x1 = 110 + 100 * Math.cos(angle);
      var y1 = 110 + 100 * Math.sin(angle);
      angle += sweep;
      var x2 = 110 + 100 * Math.cos(angle);
      var y2 = 110 + 100 * Math.sin(angle);
      chart.appendChild(svg('path', { d: 'M110,110 L' + x1.toFixed(2) + ',' + y1.toFixed(2) + ' A100,100 0 ' +
        (sweep > Math.PI ? 1 : 0) + ',1 ' + x2.toFixed(2) + ',' + y2.toFixed(2) + ' Z', fill: colour,
        'data-code': c.code, 'data-count': c.count }, undefined));
    });
    return chart;
  }

  function legend(counts) {
    return el('ul', { 'class': 'legend' }, counts.filter(function (c) { return c.count > 0; }).map(function (c) {
      var i = counts.indexOf(c);
      return el('li', {}, [el('span', { 'class': 'swatch', style: 'background:' + COLOURS[i % COLOURS.length] }), c.label]);
    }));
  }

  // --- tables ---

  function table(caption, headings, rows, footer) {
    var body = rows.map(function (cells) {
      return el('tr', {}, cells.map(function (cell, i) {
        return el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : { 'class': 'number' }, [String(cell)]);
      }));
    });
    var parts = [el('caption', {}, [caption]),
      el('thead', {}, [el('tr', {}, headings.map(function (h) { return el('th', { scope: 'col' }, [h]); }))]),
      el('tbody', {}, body)];
    if (footer) {
      parts.push(el('tfoot', {}, [el('tr', {}, footer.map(function (cell, i) {
        return el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : { 'class': 'number' }, [String(cell)]);
      }))]));
    }
    return el('table', { 'class': 'frequencies' }, parts);
  }

  function frequencyTable(caption, distribution) {
    return table(caption, [t('option'), t('count'), t('percent')],
      distribution.counts.map(function (c) { return [c.label, c.count, c.percent + '%']; }),
      [t('base'), distribution.base, '']);
  }

  // --- questions ---

  function heading(question) {
    var prefix = question.number > 0 ? t('question', { number: question.number }) : t('profile');
    return el('h2', {}, [el('span', { 'class': 'number' }, [prefix]), ' ', question.text]);
  }

  // The flow's own names for its unit of analysis and counted field, in the page's language.
  function named(byLanguage, fallback) {
    var text = byLanguage && (byLanguage[lang] || byLanguage[Object.keys(byLanguage)[0]]);
    return text || t(fallback);
  }

  function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function choice(section, question, report) {
    var respondents = report.respondents[question.id];
    var units = report.units[question.id];
    var unitsLabel = capitalised(named(report.labels.units, 'unitsLabel'));
    var charts = el('div', { 'class': 'charts' }, [barChart(question.id, respondents.counts, question.text)]);
    if (respondents.kind === 'single-choice') {
      charts.appendChild(el('figure', { 'class': 'pie' },
        [pieChart(question.id, respondents.counts, question.text + ' (' + t('pie') + ')'), legend(respondents.counts)]));
    }
    section.appendChild(charts);
    var tables = el('div', { 'class': 'tables' }, [frequencyTable(t('respondents'), respondents),
      frequencyTable(t('units', { unit: named(report.labels.unit, 'unit') }), units)]);
    section.appendChild(tables);
    if (respondents.otherTexts.length > 0) {
      section.appendChild(el('p', { 'class': 'other' }, [t('other') + ': ' +
        respondents.otherTexts.map(function (o) { return o.text; }).join('; ')]));
    }
    var combinations = report.combinations[question.id];
    if (combinations) {
      var combined = table(t('combinations', { units: unitsLabel }), [t('option'), unitsLabel, t('percent')],
        combinations.combinations.map(function (c) { return [c.labels.join(' + '), c.units, c.percent + '%']; }),
        [t('active'), combinations.active, combinations.units > 0
          ? Math.round(100 * combinations.active / combinations.units) + '%' : '']);
      combined.setAttribute('data-question', question.id);
      combined.classList.add('combinations');
      tables.appendChild(combined);
    }
  }

  function coded(section, question, report) {
    var parts = question.parts.length > 0 ? question.parts : [null];
    var box = el('div', { 'class': 'tables' });
    section.appendChild(box);
    parts.forEach(function (part) {
      var table_ = report.coded[part ? question.id + ':' + part : question.id];
      if (!table_) {
        return;
      }
      var rows = table_.categories.filter(function (c) { return c.count > 0; })
        .map(function (c) { return [c.label, c.count, c.percent + '%']; });
      if (table_.uncoded.length > 0) {
        rows.push([t('uncoded'), table_.uncoded.length, '']);
      }
      box.appendChild(table(part ? t('part.' + part) : t('category'), [t('category'), t('count'), t('percent')], rows,
        [t('base'), table_.answered, '']));
    });
  }

  function counted(section, question, report) {
    var s = report.counted[question.id];
    var name = named(report.labels.counted, 'counted');
    section.appendChild(el('div', { 'class': 'tables' }, [table(name,
      [name, t('entries'), t('percent'), capitalised(named(report.labels.units, 'unitsLabel'))],
      s.rows.map(function (row) { return [row.label, row.entries, row.percent + '%', row.units]; }),
      [t('base'), s.entries, '', s.units])]));
  }

  // A rating: a bar per point (its ends labelled), the points table, then mean, top scores and on 0-10 the NPS split.
  function rating(section, question, report) {
    var r = report.ratings[question.id];
    var counts = r.points.map(function (p) {
      var label = String(p.value) + (p.value === r.min ? ' ' + r.minLabel : p.value === r.max ? ' ' + r.maxLabel : '');
      return { code: String(p.value), label: label, count: p.count, percent: p.percent };
    });
    section.appendChild(el('div', { 'class': 'charts' }, [barChart(question.id, counts, question.text)]));
    var summary = [[t('mean'), r.mean === null ? '' : r.mean, ''], [t('topScores'), r.topScores, r.topPercent + '%']];
    if (r.promoters) {
      summary.push([t('promoters'), r.promoters.promoters, r.promoters.promotersPercent + '%']);
      summary.push([t('passives'), r.promoters.passives, r.promoters.passivesPercent + '%']);
      summary.push([t('detractors'), r.promoters.detractors, r.promoters.detractorsPercent + '%']);
      summary.push([t('nps'), r.promoters.score, '']);
    }
    section.appendChild(el('div', { 'class': 'tables' }, [
      table(t('respondents'), [t('point'), t('count'), t('percent')],
        counts.map(function (c) { return [c.label, c.count, c.percent + '%']; }), [t('base'), r.answered, '']),
      table(t('statistics'), [t('statistic'), t('value'), t('percent')], summary)]));
  }

  // A number: n, mean, lowest, quartiles, median and highest.
  function number(section, question, report) {
    var n = report.numbers[question.id];
    var value = function (v) { return v === null ? '' : v; };
    section.appendChild(el('div', { 'class': 'tables' }, [table(t('statistics') + (n.unit ? ' (' + n.unit + ')' : ''),
      [t('statistic'), t('value')], [[t('mean'), value(n.mean)], [t('minimum'), value(n.min)],
        [t('lowerQuartile'), value(n.lowerQuartile)], [t('median'), value(n.median)],
        [t('upperQuartile'), value(n.upperQuartile)], [t('maximum'), value(n.max)]], [t('base'), n.answered])]));
  }

  // One request per drawing: the server reads the wave's results once for every table.
  function draw() {
    return Promise.all([getJson(api('/report')), summaryHtml()]).then(function (both) {
      var report = both[0];
      var overview = report.overview;
      var main = el('main', { id: 'questions' });
      overview.questions.forEach(function (question) {
        var draws = { 'single-choice': choice, 'multiple-choice': choice, 'open-text': coded, 'open-parts': coded,
          'open-list': counted, 'rating': rating, 'number': number };
        var drawn = question.kind.indexOf('choice') > 0 ? report.respondents[question.id]
          : question.kind === 'open-list' ? report.counted[question.id]
            : question.kind === 'rating' ? report.ratings[question.id]
              : question.kind === 'number' ? report.numbers[question.id]
                : report.coded[question.parts.length > 0 ? question.id + ':' + question.parts[0] : question.id];
        if (!drawn) {
          return;
        }
        var section = el('section', { id: 'q-' + question.id, 'data-question': question.id });
        section.appendChild(heading(question));
        draws[question.kind](section, question, report);
        main.appendChild(section);
      });
      // Swap the whole page at once, so a redraw never shows half-built questions.
      document.getElementById('questions').replaceWith(main);
      var fresh = both[1] && new DOMParser().parseFromString(both[1], 'text/html').getElementById('summary');
      if (fresh) {
        document.getElementById('summary').replaceWith(document.importNode(fresh, true));
      }
      // A link from elsewhere to one question: its section exists only now.
      if (!drawnOnce && location.hash.length > 1) {
        var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        if (target) {
          target.scrollIntoView();
        }
      }
      drawnOnce = true;
    }).catch(function () {
      document.getElementById('live').textContent = t('noResults');
    });
  }

  // The summary is rendered on the server, with the page the first time: a redraw swaps in a fresh copy of it
  // together with the questions, so its figures never disagree with the charts below.
  function summaryHtml() {
    if (!drawnOnce) {
      return Promise.resolve(null);
    }
    var path = '/results/summary?wave=' + encodeURIComponent(current.survey + '/' + current.wave) +
      '&lang=' + encodeURIComponent(lang);
    return fetch(path, { headers: { Accept: 'text/html' }, credentials: 'same-origin' }).then(function (r) {
      return r.ok ? r.text() : null;
    }).catch(function () { return null; });
  }

  function redraw() {
    drawing = drawing.then(draw);
    return drawing;
  }

  function downloads() {
    var box = document.getElementById('downloads');
    box.textContent = t('downloads') + ': ';
    [['csv', '/export/responses.csv'], ['xlsx', '/export/responses.xlsx'], ['sps', '/export/responses.sps'],
      ['tables', '/export/tables.xlsx']]
      .forEach(function (link, i) {
      if (i > 0) {
        box.appendChild(document.createTextNode(' · '));
      }
      box.appendChild(el('a', { href: api(link[1] + '?lang=' + lang) }, [t(link[0])]));
    });
  }

  function subscribe() {
    if (source) {
      source.close();
    }
    source = new EventSource(api('/events'));
    source.addEventListener('ready', function () {
      document.body.classList.remove('offline');
      document.body.setAttribute('data-live', 'true');
      document.getElementById('live').textContent = t('live');
    });
    source.addEventListener('changed', function () {
      // Several responses may complete at once: one redraw for a burst.
      if (pending === null) {
        pending = setTimeout(function () {
          pending = null;
          redraw();
        }, 100);
      }
    });
    source.onerror = function () {
      document.body.classList.add('offline');
      document.body.removeAttribute('data-live');
      document.getElementById('live').textContent = t('offline');
    };
  }

  function choose(wave) {
    current = wave;
    downloads();
    subscribe();
    return redraw();
  }

  // The server chose the wave (body data-survey, data-wave) and rendered its picker: picking one loads its page.
  getJson('/results/messages?lang=' + encodeURIComponent(lang)).then(function (loaded) {
    texts = loaded;
    var select = document.getElementById('wave');
    if (select) {
      document.getElementById('wave-show').hidden = true;
      select.addEventListener('change', function () { document.getElementById('wave-form').submit(); });
    }
    var body = document.body;
    if (!body.hasAttribute('data-survey')) {
      return null;
    }
    return choose({ survey: body.getAttribute('data-survey'), wave: body.getAttribute('data-wave') });
  });
}());
