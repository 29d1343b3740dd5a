/*
 * The "Caso" / "Pratica" tab of every task in Tasklist: the case the task belongs to, read-only, as
 * casepage.CasePageController composes it in the worker's language. A Tasklist plugin (plugin point
 * tasklist.task.detail), loaded through customScripts in config.js; Tasklist calls render(node, {taskId})
 * when the worker opens the tab, and again for the next task.
 *
 * The page holds no text of its own but the tab's name and what it says when the server cannot be
 * asked: everything else comes with the answer. The answer is drawn from text nodes only, never parsed
 * as HTML.
 */

// The tab's name is needed before anyone signs in, so it cannot come from the server. Chosen as Tasklist
// chooses its own language (the browser's first language, cut at the dash), so the tab reads like the
// tabs beside it. Keep in step with src/main/resources/i18n/case-page*.properties (label.title).
const OWN_TEXTS = {
  en: { tab: 'Case', loading: 'Loading the case…', refused: 'This is not a case of your unit.',
    signedOut: 'Your session has ended: sign in again.', failed: 'The case could not be read now.' },
  pt: { tab: 'Caso', loading: 'Carregando o caso…', refused: 'Este caso não é da sua unidade.',
    signedOut: 'Sua sessão terminou: entre novamente.', failed: 'Não foi possível ler o caso agora.' },
  it: { tab: 'Pratica', loading: 'Caricamento della pratica…', refused: 'Questa pratica non è del suo servizio.',
    signedOut: 'La sessione è scaduta: acceda di nuovo.', failed: 'Non è stato possibile leggere la pratica ora.' }
};

function browserLanguage() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  const short = first.split('-')[0].toLowerCase();
  return OWN_TEXTS[short] ? short : 'en';
}

const own = OWN_TEXTS[browserLanguage()];

/** Where the webapps' API is: "/camunda" in this application, read from Tasklist's own page. */
function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

/** Builds an element; children are nodes or text (never parsed as HTML). */
function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  children.flat(Infinity).forEach(child => {
    if (child === null || child === undefined || child === false) {
      return;
    }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

function table(headings, rows) {
  return el('table', 'table table-condensed acolhida-case-table',
    el('thead', null, el('tr', null, headings.map(h => el('th', null, h)))),
    el('tbody', null, rows.map(cells => el('tr', null, cells.map(c => el('td', null, c))))));
}

function section(title, ...content) {
  return el('section', 'acolhida-case-section', el('h4', null, title), content);
}

function empty(text) {
  return el('p', 'text-muted', text);
}

function draw(page) {
  const l = page.labels;
  const facts = el('dl', 'dl-horizontal',
    el('dt', null, l.unit), el('dd', null, page.unit),
    el('dt', null, l.status), el('dd', null, page.status),
    el('dt', null, l.openedOn), el('dd', null, page.openedOn),
    page.district ? [el('dt', null, l.district), el('dd', null, page.district)] : null,
    page.interpreterNeeded ? [el('dt', null, l.interpreter), el('dd', null, '✓')] : null);

  const triage = page.triage;
  const triageContent = !triage.decided ? empty(l.notDecided) : [
    el('dl', 'dl-horizontal',
      el('dt', null, l.priority), el('dd', 'acolhida-case-priority', el('strong', null, triage.priority)),
      el('dt', null, l.referralsStarted),
      el('dd', 'acolhida-case-referrals-started', triage.referralsStarted.join(' · '))),
    triage.nextStops.length ? [el('h5', null, l.nextStops),
      table([l.unit, l.where, l.nextOpening], triage.nextStops.map(s =>
        [el('span', null, el('strong', null, s.unit), el('br'), s.kind), s.where, s.nextOpening]))] : null
  ];

  return el('div', 'acolhida-case',
    el('h3', null, l.title + ' ' + page.caseNumber),
    facts,
    section(l.household, table([l.name, l.relation, l.born, l.age, l.nationality, l.languages],
      page.household.map(p => [p.name, p.relation, p.born, String(p.age), p.nationality, p.languages.join(', ')]))),
    section(l.triage, triageContent),
    section(l.referrals, page.referrals.length ? page.referrals.map(r => el('div', 'acolhida-case-referral',
      el('p', null, el('strong', null, r.name), ' — ' + r.state + ' (' + r.since + ')'),
      r.facts.length ? el('ul', null, r.facts.map(f => el('li', null, f))) : null)) : empty(l.noReferrals)),
    section(l.openTasks, page.openTasks.length
      ? table([l.task, l.who, l.due], page.openTasks.map(t => [t.name, t.who, t.due])) : empty(l.noOpenTasks)),
    section(l.appointments, page.appointments.length
      ? el('ul', null, page.appointments.map(a => el('li', null, el('strong', null, a.when), ' — ' + a.what)))
      : empty(l.noAppointments)));
}

export default {
  id: 'acolhida-case-page',
  pluginPoint: 'tasklist.task.detail',
  // After the form (1000), before history (800), diagram (600) and description (100): the form stays
  // the tab a task opens on.
  priority: 900,
  label: own.tab,
  render(node, { api, taskId }) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    node.appendChild(empty(own.loading));
    fetch(appRoot() + '/api/acolhida/case-page/tasks/' + encodeURIComponent(taskId), {
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-XSRF-TOKEN': (api && api.CSRFToken) || '' }
    }).then(response => {
      if (response.ok) {
        return response.json().then(draw);
      }
      const text = response.status === 401 ? own.signedOut : response.status === 403 ? own.refused : own.failed;
      return el('p', 'alert alert-warning', text);
    }).catch(() => el('p', 'alert alert-warning', own.failed))
      .then(shown => {
        while (node.firstChild) {
          node.removeChild(node.firstChild);
        }
        node.appendChild(shown);
      });
  }
};
