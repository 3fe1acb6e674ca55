// Shared pieces of the browser tests: a real jingkai server in a temporary directory,
// Debian's Chromium through playwright-core, and screenshots on request.

import assert from 'node:assert/strict';
import { execFileSync, execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = process.env.JINGKAI_BIN || path.join(REPO, 'build/jingkai');
export const WEB_DIR = path.join(REPO, 'build/web');

const LISTENING = /listening on (http:\/\/\S+)/;

/** A fresh directory under the system temp dir, removed by the caller. */
export function makeTempDir(prefix = 'jingkai-e2e-') {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Runs one CLI command of the jingkai binary and fails loudly with its output. */
export function jingkai(args, { input } = {}) {
  try {
    return execFileSync(BIN, args, {
      input,
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (err) {
    const out = [err.stdout, err.stderr].filter(Boolean).join('\n');
    throw new Error(`jingkai ${args.join(' ')} failed (${err.status ?? err.signal ?? err.code}):\n${out}`);
  }
}

export function checkPrerequisites() {
  if (!existsSync(BIN)) {
    throw new Error(`jingkai binary not found at ${BIN} (build it, or set JINGKAI_BIN)`);
  }
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error(`${WEB_DIR}/index.html not found: run "npm run build" in web/ first`);
  }
}

/**
 * Starts `jingkai serve` on a free loopback port (with `extraArgs`, e.g. ['--demo']) and
 * resolves with { url, stop, output }
 * once it prints "listening on http://…" on stdout; rejects (and kills it) if that line
 * has not come within `timeoutMs` or the process exits first.
 */
export function startServer({ db, timeoutMs = 20_000, extraArgs = [] }) {
  const args = ['serve', '--db', db, '--host', '127.0.0.1', '--port', '0', '--web', WEB_DIR, ...extraArgs];
  const proc = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // The last lines the server wrote, for the failure message. Both streams are read to
  // the end so that a full pipe never blocks the server.
  const output = [];
  const remember = (stream) => (line) => {
    output.push(`[${stream}] ${line}`);
    if (output.length > 400) output.shift();
  };
  const stdout = createInterface({ input: proc.stdout });
  createInterface({ input: proc.stderr }).on('line', remember('stderr'));

  let exited = null;
  const exitPromise = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });

  async function stop() {
    if (exited) return exited;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    const result = await exitPromise;
    clearTimeout(timer);
    return result;
  }

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = async (why) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      await stop();
      reject(new Error(`${why}\ncommand: ${BIN} ${args.join(' ')}\n--- server output ---\n${output.join('\n')}`));
    };
    const timer = setTimeout(() => fail(`server did not print "listening on http://…" within ${timeoutMs} ms`), timeoutMs);
    proc.on('error', (err) => fail(`cannot start the server: ${err.message}`));
    proc.on('exit', (code, signal) => fail(`server exited early (code ${code}, signal ${signal})`));
    stdout.on('line', (line) => {
      remember('stdout')(line);
      const m = !settled && LISTENING.exec(line);
      if (m) {
        settled = true;
        clearTimeout(timer);
        resolve({ url: m[1].replace(/\/+$/, ''), stop, output, process: proc });
      }
    });
  });
}

/** Debian's Chromium: `command -v chromium`, or CHROMIUM_PATH when set. */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const found = execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
    if (found) return found;
  } catch {
    // fall through to the usual place
  }
  return '/usr/bin/chromium';
}

/**
 * Launches headless Chromium with the flags it needs here (root, no internet).
 * playwright-core refuses a --user-data-dir argument to launch(); it gives every
 * launch a fresh temporary profile of its own, which is what that flag is for.
 */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page PNG to $JINGKAI_SCREENSHOTS/<name>.png when that variable is set. */
export async function screenshot(page, name) {
  const dir = process.env.JINGKAI_SCREENSHOTS;
  if (!dir) return null;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

export function removeDir(dir) {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

// Runs `fn(page, problems)` in a fresh context of `browser` (its own cookies and
// localStorage), China's locale and time zone, and fails the test if the page raised a
// script error.
export async function withBrowserPage(browser, fn) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 820 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  try {
    await fn(page, problems);
    assert.deepEqual(problems, [], 'the page raised no script errors');
  } finally {
    await context.close();
  }
}

// Adds a user holding `role` in `zone` to the database at `db`, through the real CLI.
export function addUser(db, zone, role, user) {
  jingkai(
    ['user', 'add', '--db', db, '--zone', zone, '--role', role, '--name', user.name,
      '--display-name', user.displayName, '--password-stdin'],
    { input: user.password },
  );
}

// Closes what a suite's before() opened; each part may be missing if before() failed early.
export async function closeAll({ browser, server, tmp }) {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (tmp) removeDir(tmp);
}
