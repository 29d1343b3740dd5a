/*
 * Acolhida's configuration of the Camunda welcome page (and its login screen). It replaces the
 * config.js of the Camunda webjar. The ids are "pt" (Brazilian Portuguese) and "it": the webapp
 * matches only the part of the browser's language before the dash (see tasklist/scripts/config.js).
 */
export default {
  locales: {
    availableLocales: ['en', 'pt', 'it'],
    fallbackLocale: 'en'
  }
};
