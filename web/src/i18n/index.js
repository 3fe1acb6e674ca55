import { createI18n } from 'vue-i18n';
import { messages } from './locales';

export const LOCALES = Object.freeze(['zh-CN', 'en-US']);
export const DEFAULT_LOCALE = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'jingkai.locale';

function storedLocale() {
  try {
    const v = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return LOCALES.includes(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
});

function applyToDocument(locale) {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    document.title = i18n.global.t('app.name');
  }
}

applyToDocument(i18n.global.locale.value);

/** Switches the UI language and remembers the choice in this browser. */
export function setLocale(locale) {
  if (!LOCALES.includes(locale)) return;
  i18n.global.locale.value = locale;
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  applyToDocument(locale);
}
