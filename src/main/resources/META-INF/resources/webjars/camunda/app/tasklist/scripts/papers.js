/*
 * Acolhida: the papers a person takes away, from the task where they are needed. A tab of the task
 * (plugin point tasklist.task.detail) lists the papers of the task's process for its case (the
 * task's business key) as links to PDFs, with a chooser of the language they are written in (by
 * default the first language recorded for the person). The links go to the webapps' API
 * (/camunda/api/acolhida/papers/cases/...), which signs the worker in from the Tasklist session; the
 * server decides who may print what (staff of the case's unit).
 */
const PAPERS_BY_PROCESS = {
  'reception': ['referral-letter'],
  'documentation-guidance': ['document-checklist', 'appointment-slip', 'referral-letter'],
  'housing-referral': ['shelter-placement-slip'],
  'housing-stay': ['shelter-placement-slip'],
  'literacy-enrollment': ['class-enrolment-slip']
};

const LANGUAGES = [
  ['', null], ['ht', 'Kreyòl ayisyen'], ['es', 'Español'], ['fr', 'Français'], ['en', 'English'],
  ['ur', 'اردو'], ['ar', 'العربية'], ['pt-BR', 'Português'], ['it', 'Italiano']
];

const TEXTS = {
  en: {
    tab: 'Papers', intro: 'Papers for the person to take away, in their language with yours beside it.',
    language: 'Language of the paper', recorded: 'the language recorded for the person',
    'referral-letter': 'Referral letter', 'document-checklist': 'Document checklist',
    'appointment-slip': 'Appointment slip', 'shelter-placement-slip': 'Shelter placement slip',
    'class-enrolment-slip': 'Class enrolment slip', none: 'This task has no case to print papers for.'
  },
  pt: {
    tab: 'Papéis', intro: 'Papéis para a pessoa levar, na língua dela com a sua ao lado.',
    language: 'Língua do papel', recorded: 'a língua registrada para a pessoa',
    'referral-letter': 'Carta de encaminhamento', 'document-checklist': 'Lista de documentos',
    'appointment-slip': 'Comprovante de atendimento', 'shelter-placement-slip': 'Comprovante de vaga no abrigo',
    'class-enrolment-slip': 'Comprovante de vaga na turma', none: 'Esta tarefa não tem caso para imprimir papéis.'
  },
  it: {
    tab: 'Fogli', intro: 'Fogli che la persona porta con sé, nella sua lingua con la tua accanto.',
    language: 'Lingua del foglio', recorded: 'la lingua registrata per la persona',
    'referral-letter': 'Lettera di invio', 'document-checklist': 'Lista dei documenti',
    'appointment-slip': 'Foglio dell\'appuntamento', 'shelter-placement-slip': 'Foglio del posto in accoglienza',
    'class-enrolment-slip': 'Foglio del posto nel corso', none: 'Questa attività non ha una pratica per cui stampare fogli.'
  }
};

/* The language Tasklist itself chose: the browser's first, as the webapp reads it. */
function texts() {
  const browser = typeof navigator === 'undefined' ? {} : navigator;
  const language = ((browser.languages && browser.languages[0]) || browser.language || 'en').substring(0, 2);
  return TEXTS[language] || TEXTS.en;
}

async function json(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(url + ': ' + response.status);
  }
  return response.json();
}

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text) {
    node.textContent = text;
  }
  return node;
}

export default {
  id: 'acolhida-papers',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: { label: texts().tab },
  render: (node, { api, taskId }) => {
    const t = texts();
    const box = element('div', { class: 'acolhida-papers', style: 'padding: 12px 0' });
    node.appendChild(box);
    // The case is read as the case tab reads it: a worker may see a task without reading its process
    // instance through the engine's API.
    json(api.engineApi + '/task/' + encodeURIComponent(taskId))
      .then(task => json('/camunda/api/acolhida/case-page/tasks/' + encodeURIComponent(taskId))
        .then(page => ({ key: (task.processDefinitionId || '').split(':')[0], caseNumber: page.caseNumber })))
      .then(({ key, caseNumber }) => {
        const kinds = PAPERS_BY_PROCESS[key];
        if (!caseNumber || !kinds) {
          box.appendChild(element('p', {}, t.none));
          return;
        }
        box.appendChild(element('p', {}, t.intro));
        const label = element('label', { for: 'acolhida-papers-language' }, t.language + ' ');
        const chooser = element('select', { id: 'acolhida-papers-language', class: 'form-control',
          style: 'display: inline-block; width: auto' });
        LANGUAGES.forEach(([tag, name]) => chooser.appendChild(element('option', { value: tag }, name || t.recorded)));
        label.appendChild(chooser);
        box.appendChild(label);
        const list = element('ul', { class: 'list-unstyled', style: 'margin-top: 10px' });
        const links = kinds.map(kind => {
          const link = element('a', { target: '_blank', rel: 'noopener', 'data-paper': kind }, t[kind]);
          const item = element('li');
          item.appendChild(link);
          list.appendChild(item);
          return link;
        });
        const point = () => links.forEach(link => {
          const language = chooser.value ? '?lang=' + encodeURIComponent(chooser.value) : '';
          link.setAttribute('href', '/camunda/api/acolhida/papers/cases/' + encodeURIComponent(caseNumber) + '/'
            + link.getAttribute('data-paper') + '.pdf' + language);
        });
        chooser.addEventListener('change', point);
        point();
        box.appendChild(list);
      })
      .catch(() => box.appendChild(element('p', {}, t.none)));
  }
};
