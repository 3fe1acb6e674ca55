// Node's test runner only picks up files named like *.test.mjs when given a directory
// (`node --test web/e2e/`); this entry point runs every browser test file beside it,
// *.e2e.mjs, found by name so that a new one cannot be left out by forgetting to list it.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';

const here = new URL('./', import.meta.url);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.e2e.mjs'))
  .sort();

for (const name of files) await import(new URL(name, here));

// A discovery that found nothing (a renamed folder, a changed suffix) would pass silently
// with no browser test run at all; these are the files the suite is known to have.
test('finds the browser test files', () => {
  for (const known of ['approvals', 'calendar', 'enterprises', 'guide', 'shell']) {
    assert.ok(files.includes(`${known}.e2e.mjs`), `${known}.e2e.mjs not found in ${files.join(', ')}`);
  }
});
