import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mergeNamespaces, messages, namespaceFiles } from './locales';
import { ROLES } from '../roles';
import { MODULES, ADMIN_ENTRIES, APPROVAL_ENTRIES, HOME_ENTRY } from '../menu';

// "a.b.c" -> value, for every leaf.
function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}

function placeholders(message) {
  return [...message.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]).sort();
}

const zh = flatten(messages['zh-CN']);
const en = flatten(messages['en-US']);

describe('locale files', () => {
  it('are the only two and have exactly the same keys', () => {
    const dir = fileURLToPath(new URL('./locales/', import.meta.url));
    const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((e) => e.name).sort()).toEqual(['en-US', 'zh-CN']);
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('split both languages into the same namespace files, each holding the same keys', () => {
    const zhFiles = namespaceFiles['zh-CN'];
    const enFiles = namespaceFiles['en-US'];
    // Every file on disk is merged in (none can be left out by the glob).
    for (const [locale, files] of Object.entries(namespaceFiles)) {
      const dir = fileURLToPath(new URL(`./locales/${locale}/`, import.meta.url));
      expect(Object.keys(files).sort(), locale).toEqual(readdirSync(dir).sort());
    }
    expect(Object.keys(zhFiles)).toContain('common.js');
    expect(Object.keys(enFiles).sort()).toEqual(Object.keys(zhFiles).sort());
    for (const file of Object.keys(zhFiles)) {
      expect(Object.keys(flatten(enFiles[file])).sort(), file).toEqual(Object.keys(flatten(zhFiles[file])).sort());
    }
  });

  it('refuse a top-level key given by two namespace files', () => {
    expect(mergeNamespaces({ './a.js': { x: { y: '1' } }, './b.js': { z: { y: '2' } } })).toEqual({
      x: { y: '1' },
      z: { y: '2' },
    });
    expect(() => mergeNamespaces({ './a.js': { x: {} }, './b.js': { x: {} } })).toThrow(/"x" is in both \.\/a\.js and \.\/b\.js/);
  });

  it.each([
    ['zh-CN', zh],
    ['en-US', en],
  ])('%s has only non-empty strings', (_, messages) => {
    for (const [key, value] of Object.entries(messages)) {
      expect(typeof value, key).toBe('string');
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders for the same key', () => {
    for (const key of Object.keys(zh)) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('avoid characters vue-i18n would read as syntax', () => {
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect(value, key).not.toMatch(/[@|$]/);
    }
  });

  it('label every role and every menu entry', () => {
    for (const role of ROLES) {
      expect(zh[`roles.${role}`], role).toBeTruthy();
      expect(en[`roles.${role}`], role).toBeTruthy();
    }
    for (const entry of [HOME_ENTRY, ...MODULES, ...APPROVAL_ENTRIES, ...ADMIN_ENTRIES]) {
      expect(zh[`menu.${entry.key}`], entry.key).toBeTruthy();
      expect(en[`menu.${entry.key}`], entry.key).toBeTruthy();
    }
  });

  it('say honestly that a module is not available yet', () => {
    expect(zh['notAvailable.title']).toBe('该模块尚未上线');
    expect(en['notAvailable.title']).toBe('This module is not available yet');
    expect(zh['layout.logout']).toBe('退出登录');
    expect(en['layout.logout']).toBe('Log out');
  });
});
