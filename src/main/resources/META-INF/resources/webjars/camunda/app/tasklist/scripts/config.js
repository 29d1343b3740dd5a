/*
 * Acolhida's Tasklist configuration. It replaces the config.js of the Camunda webjar (same path on
 * the classpath; the application's own resources come first), so it keeps the shipped settings.
 *
 * Locales: the webapp takes the first language of the browser, cuts it at the dash and looks the
 * rest up in availableLocales ("pt-BR" -> "pt", "it-IT" -> "it"). So the ids are "pt" and "it";
 * pt.json is written in Brazilian Portuguese. Other languages fall back to English.
 */
export default {
  // Tasklist plugins (ES modules, relative to app/tasklist/): the case page and the papers for the
  // person, each as a tab of every task, and the case list in the top bar. scripts/case-view.js is
  // no plugin: the case tab and the case list import it to draw the same page.
  customScripts: ['scripts/case-tab.js', 'scripts/papers.js', 'scripts/cases.js'],

  locales: {
    availableLocales: ['en', 'pt', 'it'],
    fallbackLocale: 'en'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
