/*
 * What the case tab (case-tab.js) and the case list (cases.js) draw alike: a case page as
 * casepage.CasePageController composes it in the worker's language, and the small helpers that build
 * it. Not a plugin itself (it exports no default): the two plugins import it, so both draw one page.
 *
 * Everything is drawn from text nodes only, never parsed as HTML: the texts are the case's own.
 */

/** The browser's first language cut at the dash, as Tasklist chooses its own; 'en' if not in {@code known}. */
export function browserLanguage(known) {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  const short = first.split('-')[0].toLowerCase();
  return known[short] ? short : 'en';
}

/** Where the webapps' API is: "/camunda" in this application, read from Tasklist's own page. */
export function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

/** Builds an element; children are nodes or text (never parsed as HTML). */
export function el(tag, className, ...children) {
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

export function table(headings, rows) {
  return el('table', 'table table-condensed acolhida-case-table',
    el('thead', null, el('tr', null, headings.map(h => el('th', null, h)))),
    el('tbody', null, rows.map(cells => el('tr', null, cells.map(c => el('td', null, c))))));
}

export function section(title, ...content) {
  return el('section', 'acolhida-case-section', el('h4', null, title), content);
}

export function empty(text) {
  return el('p', 'text-muted', text);
}

export function draw(page) {
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
