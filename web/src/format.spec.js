import { describe, expect, it } from 'vitest';
import { formatJson, formatTime } from './format';
import { safeRedirect } from './router/redirect';

describe('formatTime', () => {
  it('shows an instant in China time', () => {
    expect(formatTime('2025-03-01T06:05:09Z')).toBe('2025-03-01 14:05:09');
    expect(formatTime('2025-12-31T23:30:00+08:00')).toBe('2025-12-31 23:30:00');
    expect(formatTime('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30:00');
  });

  it('leaves what it cannot parse as it is', () => {
    expect(formatTime('yesterday')).toBe('yesterday');
    expect(formatTime(null)).toBe('');
  });
});

describe('formatJson', () => {
  it('pretty-prints snapshots', () => {
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(formatJson(null)).toBe('null');
    expect(formatJson(undefined)).toBe('null');
    expect(formatJson('{"b":[1]}')).toBe('{\n  "b": [\n    1\n  ]\n}');
    expect(formatJson('plain')).toBe('plain');
  });
});

describe('safeRedirect', () => {
  it('keeps paths on this site', () => {
    expect(safeRedirect('/admin/users')).toBe('/admin/users');
    expect(safeRedirect('/enterprises?q=1')).toBe('/enterprises?q=1');
  });

  it('refuses anything else', () => {
    for (const v of [undefined, null, '', 'http://evil.example/', '//evil.example', '/\\evil', '/login', '/login?x=1', ['/a']]) {
      expect(safeRedirect(v)).toBe('/');
    }
  });
});
