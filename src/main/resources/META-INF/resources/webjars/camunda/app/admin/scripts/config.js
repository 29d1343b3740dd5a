/*
 * Acolhida's configuration of Camunda Admin. It replaces the config.js of the Camunda webjar (whose
 * settings are all commented out). The ids are "pt" (Brazilian Portuguese) and "it": the webapp
 * matches only the part of the browser's language before the dash (see tasklist/scripts/config.js).
 */
export default {
  locales: {
    availableLocales: ['en', 'pt', 'it'],
    fallbackLocale: 'en'
  }
};
