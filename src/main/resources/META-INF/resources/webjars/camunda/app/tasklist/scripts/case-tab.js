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

import { appRoot, browserLanguage, draw, el, empty } from './case-view.js';

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

const own = OWN_TEXTS[browserLanguage(OWN_TEXTS)];

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
