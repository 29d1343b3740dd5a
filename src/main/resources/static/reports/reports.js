// The municipal diagnosis. Plain browser JavaScript, no build step: it asks /api/reports with the reader's
// Basic credentials (kept in this tab's sessionStorage only), draws each table as a chart with ECharts
// (served from the jar) and lists it below, with its downloads. Text from the server is only ever put in
// text nodes, never parsed as HTML.
(function () {
  'use strict';

  var AUTH_KEY = 'acolhida.reports.auth';
  // Which key columns make a bar's label and which make the series (or which figures are the series).
  var CHARTS = {
    'people': { x: [1], series: 0, stack: true },
    'people-by-nationality': { x: [0, 1], series: 2, stack: true },
    'people-by-age': { x: [0, 1], series: 2, stack: true },
    'people-by-language': { x: [0, 1], series: 2, stack: true },
    'people-by-need': { x: [0, 1], series: 2, stack: false },
    'time-to-first-service': { x: [0, 1], figures: [1, 2] },
    'waiting-for-a-bed': { x: [1, 2], series: 3, stack: true },
    'waiting-for-a-class': { x: [1, 2, 3], series: 4, stack: true },
    'no-unit-found': { x: [0], series: 1, stack: true },
    'documentation-outcomes': { x: [0, 1], series: 2, stack: true }
  };
  var texts = {};
  var language = 'en';
  var charts = [];
  var shown = null;

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'class') { node.className = value; }
      else if (name.indexOf('on') === 0) { node.addEventListener(name.substring(2), value); }
      else { node.setAttribute(name, value === true ? '' : value); }
    });
    for (var i = 2; i < arguments.length; i++) { append(node, arguments[i]); }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function t(key) { return texts[key] || key; }

  function encodeAuth(user, password) {
    var bytes = new TextEncoder().encode(user + ':' + password);
    var binary = '';
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary);
  }

  function api(path, accept) {
    return fetch('/api/reports' + path, {
      // X-Requested-With: a 401 then comes without the Basic challenge, so the page shows its own message
      headers: { 'Authorization': 'Basic ' + sessionStorage.getItem(AUTH_KEY), 'Accept': accept || 'application/json',
        'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'omit'
    }).then(function (response) {
      if (response.ok) { return response; }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        var message = problem.detail || String(response.status);
        if (problem.errors && problem.errors.length) {
          message = problem.errors.map(function (e) { return e.message; }).join('; ');
        }
        var error = new Error(message);
        error.status = response.status;
        throw error;
      });
    });
  }

  function showSignIn(message) {
    $('who').hidden = true;
    $('report').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').hidden = !message;
    $('sign-in-error').textContent = message || '';
  }

  function translatePage() {
    document.documentElement.lang = language;
    document.querySelectorAll('[data-text]').forEach(function (node) {
      var key = node.getAttribute('data-text');
      if (texts[key]) { node.textContent = texts[key]; }
    });
    document.title = t('page.title') + ' · Acolhida';
  }

  function start() {
    if (!sessionStorage.getItem(AUTH_KEY)) { showSignIn(); return; }
    api('/page').then(function (r) { return r.json(); }).then(function (page) {
      texts = page.texts;
      language = page.language;
      translatePage();
      $('who-name').textContent = page.userId;
      $('who').hidden = false;
      $('sign-in').hidden = true;
      $('report').hidden = false;
      var form = $('filters');
      var params = new URLSearchParams(location.hash.substring(1));
      var today = new Date();
      form.municipality.value = params.get('municipality') || form.municipality.value || '';
      form.from.value = params.get('from') || form.from.value
        || new Date(Date.UTC(today.getFullYear(), 0, 1)).toISOString().substring(0, 10);
      form.to.value = params.get('to') || form.to.value || today.toISOString().substring(0, 10);
      if (form.municipality.value) { show(); }
    }).catch(function (error) {
      sessionStorage.removeItem(AUTH_KEY);
      showSignIn(error.status === 401 ? t('page.wrongPassword') : error.status === 403 ? t('page.notForYou')
        : error.message);
    });
  }

  function query() {
    var form = $('filters');
    return '?' + new URLSearchParams({ municipality: form.municipality.value.trim(), from: form.from.value,
      to: form.to.value }).toString();
  }

  function show() {
    var q = query();
    location.hash = q.substring(1);
    $('report-error').hidden = true;
    $('status').textContent = t('page.loading');
    $('download-all').disabled = true;
    api('/diagnosis' + q).then(function (r) { return r.json(); }).then(function (diagnosis) {
      shown = { query: q, diagnosis: diagnosis };
      $('status').textContent = t('page.units') + ': ' + diagnosis.units.map(function (u) { return u.name; }).join(', ')
        + ' · ' + t('page.asOf') + ' ' + new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })
          .format(new Date(diagnosis.asOf));
      $('download-all').disabled = false;
      draw(diagnosis);
    }).catch(function (error) {
      $('status').textContent = '';
      if (error.status === 401) { sessionStorage.removeItem(AUTH_KEY); showSignIn(t('page.wrongPassword')); return; }
      $('report-error').textContent = error.message;
      $('report-error').hidden = false;
      clear($('tables'));
    });
  }

  function draw(diagnosis) {
    charts.forEach(function (chart) { chart.dispose(); });
    charts = [];
    var tables = clear($('tables'));
    diagnosis.tables.forEach(function (table) {
      var chartBox = el('div', { class: 'chart', id: 'chart-' + table.id, role: 'img', 'aria-label': table.title });
      var section = el('section', { class: 'card report-table', id: 'table-' + table.id, 'data-rows': table.rows.length },
        el('div', { class: 'head' }, el('h2', null, table.title),
          el('div', { class: 'downloads' },
            el('button', { type: 'button', class: 'secondary', 'data-download': 'csv',
              onclick: function () { download('.csv', table.id); } }, t('page.downloadCsv')),
            el('button', { type: 'button', class: 'secondary', 'data-download': 'xlsx',
              onclick: function () { download('.xlsx', table.id); } }, t('page.downloadXlsx')))),
        table.rows.length ? chartBox : el('p', { class: 'muted' }, t('page.empty')),
        table.rows.length ? el('details', { open: table.rows.length <= 12 },
          el('summary', null, table.title), el('div', { class: 'scroll' }, grid(table))) : null);
      tables.appendChild(section);
      if (table.rows.length) {
        var chart = echarts.init(chartBox, null, { renderer: 'canvas' });
        chart.setOption(option(table));
        charts.push(chart);
        chartBox.setAttribute('data-drawn', 'true');
      }
    });
  }

  function grid(table) {
    var number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    return el('table', { id: 'grid-' + table.id },
      el('thead', null, el('tr', null, table.keys.concat(table.figures).map(function (h) { return el('th', null, h); }))),
      el('tbody', null, table.rows.map(function (row) {
        return el('tr', null, row.labels.map(function (label) { return el('td', null, label); }),
          row.values.map(function (value) {
            return el('td', { class: 'number' }, value === null ? '' : typeof value === 'number' ? number.format(value) : value);
          }));
      })));
  }

  function option(table) {
    var spec = CHARTS[table.id] || { x: [0], figures: [0] };
    var categories = [];
    var seriesNames = [];
    var cells = {};
    table.rows.forEach(function (row) {
      var x = spec.x.map(function (i) { return row.labels[i]; }).join(' · ');
      if (categories.indexOf(x) < 0) { categories.push(x); }
      if (spec.figures) {
        spec.figures.forEach(function (f) {
          var name = table.figures[f];
          if (seriesNames.indexOf(name) < 0) { seriesNames.push(name); }
          cells[name + '\u0000' + x] = row.values[f];
        });
      }
      else {
        var name = row.labels[spec.series];
        if (seriesNames.indexOf(name) < 0) { seriesNames.push(name); }
        cells[name + '\u0000' + x] = row.values[0];
      }
    });
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 72, containLabel: true },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: spec.figures ? '' : table.figures[0], minInterval: 1 },
      series: seriesNames.map(function (name) {
        return {
          name: name, type: 'bar', stack: spec.stack ? 'all' : undefined, barMaxWidth: 48,
          // hidden counts ("< 5", "X") and withheld times are gaps, not zeros
          data: categories.map(function (x) {
            var value = cells[name + '\u0000' + x];
            return typeof value === 'number' ? value : null;
          })
        };
      })
    };
  }

  function download(extension, table) {
    var path = '/diagnosis' + extension + (shown ? shown.query : query()) + (table ? '&table=' + encodeURIComponent(table) : '');
    api(path, '*/*').then(function (response) {
      var disposition = response.headers.get('Content-Disposition') || '';
      var name = /filename\*=UTF-8''([^;]+)/.exec(disposition);
      var plain = /filename="([^"]+)"/.exec(disposition);
      var file = name ? decodeURIComponent(name[1]) : plain ? plain[1] : 'diagnosis' + extension;
      return response.blob().then(function (blob) {
        var link = el('a', { href: URL.createObjectURL(blob), download: file });
        document.body.appendChild(link);
        link.click();
        link.remove();
        // what the last download was, for the reader's assistive technology and for the browser test
        $('status').setAttribute('data-downloaded', file + ' ' + blob.size);
      });
    }).catch(function (error) {
      $('report-error').textContent = error.message;
      $('report-error').hidden = false;
    });
  }

  $('sign-in-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    sessionStorage.setItem(AUTH_KEY, encodeAuth(form.user.value.trim(), form.password.value));
    form.password.value = '';
    start();
  });

  $('sign-out').addEventListener('click', function () {
    sessionStorage.removeItem(AUTH_KEY);
    showSignIn();
  });

  $('filters').addEventListener('submit', function (event) { event.preventDefault(); show(); });
  $('download-all').addEventListener('click', function () { download('.xlsx', null); });
  window.addEventListener('resize', function () { charts.forEach(function (chart) { chart.resize(); }); });

  start();
})();
