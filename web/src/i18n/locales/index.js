// The messages of each language, one file per namespace (locales/<language>/<namespace>.js,
// named after the server's modules and the views/ folders), merged into one tree. Files are
// found by name, so a new namespace is picked up without being listed here.
const files = {
  'zh-CN': import.meta.glob('./zh-CN/*.js', { eager: true, import: 'default' }),
  'en-US': import.meta.glob('./en-US/*.js', { eager: true, import: 'default' }),
};

/**
 * One language's messages from its namespace files ({ './zh-CN/common.js': { app, … } }).
 * Two files giving the same top-level key would silently hide one of them, so it throws.
 */
export function mergeNamespaces(byFile) {
  const merged = {};
  const from = {};
  for (const [file, messages] of Object.entries(byFile)) {
    for (const [key, value] of Object.entries(messages)) {
      if (key in merged) throw new Error(`message key "${key}" is in both ${from[key]} and ${file}`);
      merged[key] = value;
      from[key] = file;
    }
  }
  return merged;
}

/** The namespace files of each language, by file name ('common.js'), for the tests. */
export const namespaceFiles = Object.fromEntries(
  Object.entries(files).map(([locale, byFile]) => [
    locale,
    Object.fromEntries(Object.entries(byFile).map(([file, messages]) => [file.split('/').pop(), messages])),
  ]),
);

export const messages = Object.fromEntries(Object.entries(files).map(([locale, byFile]) => [locale, mergeNamespaces(byFile)]));
