/*
 * "Casos" / "Pratiche" in Tasklist's top bar: the way into a case that has no task in the worker's
 * lists, such as one the triage sent to another desk right after the listening. It opens a panel with
 * the worker's own unit's recent cases (today's first, each with the triage's priority and where the
 * person goes next) and a search by case number or name; a case opens as the same read-only page as the
 * task's "Caso" tab. A Tasklist plugin (plugin point tasklist.navbar.action), loaded through
 * customScripts in config.js.
 *
 * The server (casepage.CasePageController, under the webapps' API with the Tasklist session) decides
 * which cases the worker may read and sends every text in their language; this file holds only the
 * button's name and what it says when the server cannot be asked.
 */

import { appRoot, browserLanguage, draw, el, empty, table } from './case-view.js';

// Needed before any answer: chosen as Tasklist chooses its own language. Keep in step with
// src/main/resources/i18n/case-page*.properties (label.cases).
const OWN_TEXTS = {
  en: { button: 'Cases', close: 'Close', loading: 'Loading…', refused: 'This is not a case of your unit.',
    signedOut: 'Your session has ended: sign in again.', failed: 'The cases could not be read now.' },
  pt: { button: 'Casos', close: 'Fechar', loading: 'Carregando…', refused: 'Este caso não é da sua unidade.',
    signedOut: 'Sua sessão terminou: entre novamente.', failed: 'Não foi possível ler os casos agora.' },
  it: { button: 'Pratiche', close: 'Chiudi', loading: 'Caricamento…', refused: 'Questa pratica non è del suo servizio.',
    signedOut: 'La sessione è scaduta: acceda di nuovo.', failed: 'Non è stato possibile leggere le pratiche ora.' }
};

const own = OWN_TEXTS[browserLanguage(OWN_TEXTS)];

const API = '/api/acolhida/case-page';

function ask(path) {
  return fetch(appRoot() + API + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => {
      if (response.ok) {
        return response.json();
      }
      throw new Error(response.status === 401 ? own.signedOut : response.status === 403 ? own.refused : own.failed);
    });
}

function show(container, content) {
  while (container.firstChild) {
    container.removeChild(container.firstChild);
  }
  container.appendChild(content);
}

function warning(error) {
  return el('p', 'alert alert-warning', error && error.message ? error.message : own.failed);
}

/** The panel over Tasklist: a search, then the list or one case. Escape or "Close" closes it. */
function openPanel() {
  const existing = document.querySelector('.acolhida-cases-panel');
  if (existing) {
    existing.querySelector('input').focus();
    return;
  }
  const body = el('div', 'acolhida-cases-body', empty(own.loading));
  const input = el('input', 'form-control acolhida-cases-query');
  input.type = 'search';
  input.maxLength = 100;
  const title = el('h3', 'acolhida-cases-title', own.button);
  const search = el('form', 'acolhida-cases-search', input);
  const closer = el('button', 'btn btn-default acolhida-cases-close', own.close);
  closer.type = 'button';
  const panel = el('div', 'acolhida-cases-panel',
    el('div', 'acolhida-cases-box', el('div', 'acolhida-cases-head', title, closer), search, body));
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', own.button);

  function close() {
    document.removeEventListener('keydown', onKey);
    panel.remove();
  }
  function onKey(event) {
    if (event.key === 'Escape') {
      close();
    }
  }

  function list(query) {
    show(body, empty(own.loading));
    ask('/cases' + (query ? '?q=' + encodeURIComponent(query) : ''))
      .then(answer => {
        const l = answer.labels;
        title.textContent = l.cases;
        input.placeholder = l.search;
        input.setAttribute('aria-label', l.search);
        if (!answer.cases.length) {
          show(body, empty(l.noCases));
          return;
        }
        show(body, el('div', null,
          el('h4', null, query ? l.found : l.recent),
          table([l.caseNumber, l.person, l.openedOn, l.priority, l.next, l.status],
            answer.cases.map(c => {
              const open = el('a', 'acolhida-cases-open', c.caseNumber);
              open.href = '';
              open.addEventListener('click', event => {
                event.preventDefault();
                page(c.caseNumber, l.back, query);
              });
              return [open, c.person,
                c.today ? el('strong', null, c.openedOn + ' · ' + l.today) : c.openedOn,
                c.priority ? el('strong', null, c.priority) : el('span', 'text-muted', l.notListened),
                c.next.join(' · '), c.status];
            }))));
      })
      .catch(error => show(body, warning(error)));
  }

  function page(caseNumber, back, query) {
    show(body, empty(own.loading));
    const again = el('a', 'acolhida-cases-back', '← ' + back);
    again.href = '';
    again.addEventListener('click', event => {
      event.preventDefault();
      list(query);
    });
    ask('/cases/' + encodeURIComponent(caseNumber))
      .then(answer => show(body, el('div', null, again, draw(answer))))
      .catch(error => show(body, el('div', null, again, warning(error))));
  }

  search.addEventListener('submit', event => {
    event.preventDefault();
    list(input.value.trim());
  });
  closer.addEventListener('click', close);
  panel.addEventListener('click', event => {
    if (event.target === panel) {
      close();
    }
  });
  document.addEventListener('keydown', onKey);
  document.body.appendChild(panel);
  input.focus();
  list('');
}

export default {
  id: 'acolhida-cases',
  pluginPoint: 'tasklist.navbar.action',
  // Before "Start process" (100), whose place on the bar workers know.
  priority: 200,
  render(node) {
    const link = el('a', 'acolhida-cases-action', el('span', 'glyphicon glyphicon-folder-open'), ' ', own.button);
    link.href = '';
    link.title = own.button;
    link.addEventListener('click', event => {
      event.preventDefault();
      openPanel();
    });
    node.appendChild(link);
  }
};
