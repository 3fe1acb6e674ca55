import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { messages } from './locales';

// Every message key written literally in the source, t('a.b') or t("a.b"), is in the
// locale files (a typo would show the key itself on the page).
const { 'zh-CN': zhCN } = messages;
const SRC = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = fileURLToPath(new URL('./locales', import.meta.url));

function sourceFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    // The locale files are the messages themselves, not code that uses them.
    if (full === LOCALES) continue;
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.(vue|js)$/.test(name) && !name.endsWith('.spec.js')) out.push(full);
  }
  return out;
}

function has(messages, key) {
  let node = messages;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = node[part];
  }
  return typeof node === 'string';
}

describe('message keys in the source', () => {
  it('all exist', () => {
    const missing = [];
    let checked = 0;
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['"])([\w.]+)\1/g)) {
        checked += 1;
        if (!has(zhCN, m[2])) missing.push(`${path.relative(SRC, file)}: ${m[2]}`);
      }
    }
    // The pages use about 650; a scan that missed the views would find far fewer.
    expect(checked).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });
});
