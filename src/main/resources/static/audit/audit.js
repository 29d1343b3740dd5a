// The auditor's case history. Plain browser JavaScript, no build step: it asks /api/audit with the
// auditor's Basic credentials (kept in this tab's sessionStorage only) and draws what it gets.
(function () {
  'use strict';

  var AUTH_KEY = 'acolhida.audit.auth';
  var KINDS = [
    { id: 'STEP', label: 'Steps', on: true },
    { id: 'MINOR', label: 'Gateways and events', on: false },
    { id: 'DECISION', label: 'Decisions', on: true },
    { id: 'CHANGE', label: 'Variable changes', on: true },
    { id: 'SET', label: 'Variables set', on: false },
    { id: 'TRANSFER', label: 'Transfers and case file', on: true },
    { id: 'PROCESS', label: 'Processes', on: true },
    { id: 'INCIDENT', label: 'Incidents', on: true },
    { id: 'OPERATION', label: 'Operations', on: true }
  ];
  var shown = {};
  KINDS.forEach(function (k) { shown[k.id] = k.on; });

  var dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  var dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var current = null;
  var viewers = [];

  function $(id) { return document.getElementById(id); }

  /** Builds an element; children are nodes or text (never parsed as HTML). */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'class') { node.className = value; }
      else if (name.indexOf('on') === 0) { node.addEventListener(name.substring(2), value); }
      else { node.setAttribute(name, value === true ? '' : value); }
    });
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function when(iso) { return iso ? dateTime.format(new Date(iso)) : ''; }

  function day(iso) { return iso ? dateOnly.format(new Date(iso)) : ''; }

  function took(from, to) {
    if (!from || !to) { return null; }
    var ms = new Date(to) - new Date(from);
    if (ms < 1000) { return null; }
    var s = Math.round(ms / 1000);
    if (s < 60) { return s + ' s'; }
    var m = Math.round(s / 60);
    if (m < 60) { return m + ' min'; }
    var h = Math.round(m / 6) / 10;
    if (h < 48) { return h + ' h'; }
    return Math.round(h / 24) + ' days';
  }

  // --- talking to the API -------------------------------------------------------------------

  function encodeAuth(user, password) {
    var bytes = new TextEncoder().encode(user + ':' + password);
    var binary = '';
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary);
  }

  function api(path, accept) {
    var auth = sessionStorage.getItem(AUTH_KEY);
    return fetch('/api/audit' + path, {
      // X-Requested-With: the server then leaves out the Basic challenge of a 401, so that a wrong
      // password shows this page's message rather than the browser's own password dialog
      headers: { 'Authorization': 'Basic ' + auth, 'Accept': accept || 'application/json',
        'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'omit'
    }).then(function (response) {
      if (response.status === 401) {
        sessionStorage.removeItem(AUTH_KEY);
        showSignIn(path === '/me' ? 'Wrong user name or password (after several tries the account is locked for '
          + 'a while).' : 'Your sign-in is no longer valid. Please sign in again.');
        throw new Error('unauthorized');
      }
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          var message = problem.detail || ('The server answered ' + response.status);
          if (problem.errors && problem.errors.length) {
            message = problem.errors.map(function (e) { return e.message; }).join('; ');
          }
          var error = new Error(message);
          error.status = response.status;
          throw error;
        });
      }
      return response;
    });
  }

  function json(path) { return api(path).then(function (r) { return r.json(); }); }

  // --- screens ------------------------------------------------------------------------------

  function only(section) {
    ['sign-in', 'search', 'case'].forEach(function (id) { $(id).hidden = id !== section; });
  }

  function showSignIn(message) {
    $('who').hidden = true;
    only('sign-in');
    $('sign-in-error').hidden = !message;
    $('sign-in-error').textContent = message || '';
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
    location.hash = '';
    showSignIn();
  });

  function start() {
    if (!sessionStorage.getItem(AUTH_KEY)) { showSignIn(); return; }
    json('/me').then(function (me) {
      $('who-name').textContent = me.userId;
      $('who').hidden = false;
      route();
    }).catch(function (error) {
      if (error.status === 403) {
        sessionStorage.removeItem(AUTH_KEY);
        showSignIn('This page is for auditors and managers.');
      }
      else if (error.message !== 'unauthorized') {
        showSignIn(error.message);
      }
    });
  }

  function route() {
    var hash = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (hash.indexOf('case/') === 0) {
      showCase(hash.substring(5));
    }
    else {
      showSearch(hash.indexOf('search?') === 0 ? hash.substring(7) : '');
    }
  }

  window.addEventListener('hashchange', function () {
    if (sessionStorage.getItem(AUTH_KEY)) { route(); }
  });

  // --- search -------------------------------------------------------------------------------

  $('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var params = new URLSearchParams();
    Array.prototype.forEach.call(event.target.elements, function (input) {
      if (input.name && input.value.trim()) { params.set(input.name, input.value.trim()); }
    });
    location.hash = 'search?' + params.toString();
  });

  function showSearch(query) {
    only('search');
    var params = new URLSearchParams(query);
    Array.prototype.forEach.call($('search-form').elements, function (input) {
      if (input.name) { input.value = params.get(input.name) || ''; }
    });
    $('search-error').hidden = true;
    var results = clear($('results'));
    if (!query) { return; }
    results.appendChild(el('p', { class: 'muted' }, 'Searching…'));
    json('/cases?' + query).then(function (cases) {
      clear(results);
      if (!cases.length) {
        results.appendChild(el('div', { class: 'card empty' }, 'No case matches this search.'));
        return;
      }
      results.appendChild(el('div', { class: 'results' }, el('table', { id: 'result-table' },
        el('thead', null, el('tr', null, el('th', null, 'Case'), el('th', null, 'Reference person'),
          el('th', null, 'People'), el('th', null, 'Unit'), el('th', null, 'Status'), el('th', null, 'Opened'),
          el('th', null, 'Closed'))),
        el('tbody', null, cases.map(function (c) {
          return el('tr', { onclick: function () { location.hash = 'case/' + c.caseNumber; } },
            el('td', null, el('a', { href: '#case/' + c.caseNumber, class: 'case-link' }, c.caseNumber)),
            el('td', null, c.person), el('td', null, c.members), el('td', null, c.owningUnit),
            el('td', null, el('span', { class: 'status ' + c.status }, c.status.toLowerCase())),
            el('td', null, day(c.openedAt)), el('td', null, day(c.closedAt)));
        })))));
      if (cases.length >= 100) {
        results.appendChild(el('p', { class: 'muted' }, 'Showing the first 100 cases; narrow the search to see others.'));
      }
    }).catch(function (error) {
      clear(results);
      if (error.message === 'unauthorized') { return; }
      $('search-error').textContent = error.message;
      $('search-error').hidden = false;
    });
  }

  // --- a case -------------------------------------------------------------------------------

  document.querySelectorAll('.back').forEach(function (link) {
    link.addEventListener('click', function (event) { event.preventDefault(); history.back(); });
  });

  function showCase(caseNumber) {
    only('case');
    clear($('case-head')).appendChild(el('p', { class: 'muted' }, 'Loading ' + caseNumber + '…'));
    clear($('timeline'));
    clear($('diagrams'));
    json('/cases/' + encodeURIComponent(caseNumber) + '/timeline').then(function (history) {
      current = history;
      renderHead(history);
      renderFilters();
      renderTimeline();
      renderDiagrams(history.processes || []);
    }).catch(function (error) {
      if (error.message === 'unauthorized') { return; }
      clear($('case-head')).appendChild(el('p', { class: 'error' }, error.message));
    });
  }

  function renderHead(h) {
    clear($('case-head')).appendChild(el('div', { class: 'card case-head' },
      el('div', null,
        el('div', { class: 'title', id: 'case-title' }, h.caseNumber),
        el('div', null, h.person),
        el('div', { class: 'muted' }, (h.household || []).slice(1).join(' · '))),
      el('dl', null, el('dt', null, 'Unit now'), el('dd', null, h.owningUnit),
        el('dt', null, 'Status'), el('dd', null, el('span', { class: 'status ' + h.status }, h.status.toLowerCase()))),
      el('dl', null, el('dt', null, 'Opened'), el('dd', null, when(h.openedAt)),
        el('dt', null, 'Closed'), el('dd', null, when(h.closedAt) || '—')),
      el('dl', null, el('dt', null, 'Processes'), el('dd', null, (h.processes || []).length),
        el('dt', null, 'Merged into'), el('dd', null, h.mergedInto || '—'))));
  }

  function renderFilters() {
    var filters = clear($('filters'));
    KINDS.forEach(function (kind) {
      filters.appendChild(el('label', null,
        el('input', { type: 'checkbox', checked: shown[kind.id], 'data-kind': kind.id, onchange: function (e) {
          shown[kind.id] = e.target.checked;
          renderTimeline();
        } }), kind.label));
    });
  }

  function isMinor(entry) {
    return entry.kind === 'STEP' && /Gateway|Event$|^multiInstanceBody$/.test(entry.type || '')
      && !/^(userTask|serviceTask|businessRuleTask|callActivity|subProcess)$/.test(entry.type);
  }

  function group(entry) {
    if (isMinor(entry)) { return 'MINOR'; }
    if (entry.kind === 'VARIABLE') { return entry.from !== undefined ? 'CHANGE' : 'SET'; }
    if (entry.kind === 'CASE') { return 'TRANSFER'; }
    return entry.kind;
  }

  var KIND_LABEL = { STEP: 'step', DECISION: 'decision', VARIABLE: 'variable', TRANSFER: 'transfer', CASE: 'case',
    PROCESS: 'process', INCIDENT: 'incident', OPERATION: 'operation' };

  function renderTimeline() {
    var entries = (current.timeline || []).filter(function (e) { return shown[group(e)]; });
    var box = clear($('timeline'));
    if (!entries.length) {
      box.appendChild(el('div', { class: 'card empty' }, 'Nothing to show with these filters.'));
      return;
    }
    box.appendChild(el('div', { class: 'timeline' }, el('table', { id: 'timeline-table' },
      el('thead', null, el('tr', null, el('th', null, 'When'), el('th', null, ''), el('th', null, 'What'),
        el('th', null, 'Who'))),
      el('tbody', null, entries.map(row)))));
  }

  function row(e) {
    var duration = took(e.at, e.end);
    var stillRunning = (e.kind === 'STEP' || e.kind === 'PROCESS') && !e.end;
    return el('tr', { class: isMinor(e) ? 'minor' : null, 'data-kind': e.kind },
      el('td', { class: 'when' }, when(e.at),
        duration ? el('span', { class: 'took' }, 'took ' + duration) : null,
        stillRunning ? el('span', { class: 'took' }, 'still open') : null),
      el('td', null, el('span', { class: 'kind ' + e.kind }, KIND_LABEL[e.kind] || e.kind)),
      el('td', null,
        e.process ? el('span', { class: 'process-tag' }, e.process) : null,
        e.kind === 'VARIABLE' ? change(e) : el('div', null, e.what),
        e.kind === 'DECISION' ? decision(e) : null,
        e.kind === 'OPERATION' && e.outputs ? values(e.outputs, null) : null),
      el('td', { class: 'who' }, e.who ? e.who : el('span', { class: 'system' }, 'system')));
  }

  function change(e) {
    return el('div', { class: 'change' },
      el('span', { class: 'var' }, e.variable), ' ',
      e.from !== undefined ? el('del', null, e.from) : el('span', { class: 'new' }, 'set to'), ' ',
      e.from !== undefined ? '→ ' : null,
      el('ins', null, e.to === undefined ? '(empty)' : e.to));
  }

  function decision(e) {
    return el('table', { class: 'values' },
      el('tbody', null,
        el('tr', null, el('th', { colspan: 2 }, 'Given')),
        (e.inputs || []).map(function (v) { return el('tr', null, el('td', null, v.name), el('td', null, show(v.value))); }),
        el('tr', null, el('th', { colspan: 2 }, 'Decided')),
        (e.outputs || []).map(function (v) {
          return el('tr', { class: 'out' }, el('td', null, v.name), el('td', null, show(v.value)));
        })));
  }

  function values(list) {
    return el('table', { class: 'values' }, el('tbody', null, list.map(function (v) {
      return el('tr', null, el('td', null, v.name), el('td', null, show(v.value)));
    })));
  }

  function show(value) {
    if (value === 'true') { return 'yes'; }
    if (value === 'false') { return 'no'; }
    return value === undefined || value === null ? '—' : value;
  }

  $('csv').addEventListener('click', function () {
    if (!current) { return; }
    api('/cases/' + encodeURIComponent(current.caseNumber) + '/timeline.csv', 'text/csv')
      .then(function (r) { return r.blob(); })
      .then(function (blob) {
        var link = el('a', { href: URL.createObjectURL(blob), download: current.caseNumber + '-timeline.csv' });
        document.body.appendChild(link);
        link.click();
        link.remove();
      });
  });

  // --- diagrams -----------------------------------------------------------------------------

  function renderDiagrams(processes) {
    viewers.forEach(function (viewer) { viewer.destroy(); });
    viewers = [];
    var tabs = clear($('process-tabs'));
    var box = clear($('diagrams'));
    if (!processes.length) {
      box.appendChild(el('div', { class: 'card empty' }, 'No process history of this case is visible to you.'));
      return;
    }
    var cards = processes.map(function (p, index) {
      var canvasBox = el('div', { class: 'diagram', id: 'diagram-' + p.id, 'data-process': p.definitionKey });
      var card = el('div', { class: 'card diagram-card', role: 'tabpanel', hidden: index > 0 },
        el('h3', null, p.name + ' ', el('span', { class: 'status ' + p.state }, p.state.toLowerCase().replace(/_/g, ' '))),
        el('div', { class: 'muted' }, 'Version ' + p.version + ' · started ' + when(p.start)
          + (p.startedBy ? ' by ' + p.startedBy : '') + (p.calledBy ? ' from ' + p.calledBy : '')
          + (p.end ? ' · ended ' + when(p.end) : '')),
        canvasBox);
      box.appendChild(card);
      return { process: p, card: card, canvas: canvasBox, drawn: false };
    });
    var buttons = cards.map(function (c, index) {
      return el('button', { type: 'button', role: 'tab', 'aria-selected': index === 0 ? 'true' : 'false',
        'data-process': c.process.definitionKey, onclick: function () { select(index); } }, c.process.name);
    });
    append(tabs, buttons);

    // bpmn-js needs a visible container to measure: each diagram is drawn when its tab is first shown
    function select(index) {
      cards.forEach(function (c, i) {
        c.card.hidden = i !== index;
        buttons[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      if (!cards[index].drawn) {
        cards[index].drawn = true;
        draw(cards[index].process, cards[index].canvas);
      }
    }
    select(0);
  }

  function draw(p, container) {
    var viewer = new BpmnJS({ container: container });
    viewers.push(viewer);
    api('/process-definitions/' + encodeURIComponent(p.definitionId) + '/xml', 'application/xml')
      .then(function (r) { return r.text(); })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        var visited = new Set(p.visited || []);
        visited.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'visited'); } });
        // The engine does not record sequence flows: a flow counts as taken when the case passed
        // through both of its ends.
        registry.filter(function (e) { return e.type === 'bpmn:SequenceFlow'; }).forEach(function (flow) {
          if (flow.source && flow.target && visited.has(flow.source.id) && visited.has(flow.target.id)) {
            canvas.addMarker(flow.id, 'taken');
          }
        });
        (p.active || []).forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'active'); } });
        (p.failed || []).forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'failed'); } });
        canvas.zoom('fit-viewport');
        container.setAttribute('data-drawn', 'true');
      })
      .catch(function (error) {
        if (error.message === 'unauthorized') { return; }
        clear(container).appendChild(el('p', { class: 'error diagram-error' },
          'The diagram could not be drawn: ' + error.message));
      });
  }

  start();
}());
