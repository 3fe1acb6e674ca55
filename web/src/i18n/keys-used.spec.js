import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zhCN from './locales/zh-CN.json';

// Every message key written literally in the source, t('a.b') or t("a.b"), is in the
// locale files (a typo would show the key itself on the page).
const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
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
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['"])([\w.]+)\1/g)) {
        if (!has(zhCN, m[2])) missing.push(`${path.relative(SRC, file)}: ${m[2]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
