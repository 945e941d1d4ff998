// What every browser test needs: a real server seeded with the Kuzbass example on a fresh
// SQLite file, headless Chromium from Debian, log-in helpers, and a page that records any
// request leaving 127.0.0.1 and any script error.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Dialog,
  type Page,
} from 'playwright-core';
import { onCI } from '../ci.ts';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const results = join(repo, 'test-results');

export const missing = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is missing (apt-get install -y chromium)`
  : null;
/**
 * Every Content-Security-Policy violation any page of the browser reported ("directive: blocked
 * URI at source"). A violation means the policy broke a page or a page tried something it
 * forbids (security review F1, F12), so the test in which it happened fails.
 */
export const cspViolations: string[] = [];

/** Makes every page of `context` report its CSP violations into `cspViolations`. */
async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__dcCspViolation', (_source, v: string) => {
    cspViolations.push(v);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      // the binding the context exposed (playwright adds it to every page)
      const report: (v: string) => void = Reflect.get(window, '__dcCspViolation');
      report(
        `${e.violatedDirective}: ${e.blockedURI || 'inline'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`,
      );
    });
  });
}

/** On CI a missing browser is a failure, not a skip. */
export const skip = missing && !onCI() ? missing : false;

/** The server's URL (without the trailing slash) and the browser, set by `startServerAndBrowser`. */
export let base = '';
export let browser: Browser | undefined;
let server: ChildProcess | undefined;
/** A scratch folder of this test file (holds the database), removed after it. */
export let tmp = '';

function startServer(tmpPrefix: string): Promise<string> {
  tmp = mkdtempSync(join(tmpdir(), tmpPrefix));
  server = spawn(process.execPath, ['bin/digicluster.js', 'serve'], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: '0',
      MQTT_PORT: '0', // the embedded MQTT broker too: parallel servers must not share 1884
      HOST: '127.0.0.1',
      SQLITE_FILE: join(tmp, 'dc.db'),
      SEED_EXAMPLE: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`server did not start in 60 s:\n${out}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /digicluster is serving (http:\/\/\S+?)\/? /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    server?.stdout?.on('data', read);
    server?.stderr?.on('data', read);
    server?.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

function stopServer(): Promise<void> {
  const s = server;
  if (!s || s.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => s.kill('SIGKILL'), 5000);
    s.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    s.kill('SIGTERM');
  });
}

/** Starts the server and the browser before the file's tests and stops both after them. */
export function startServerAndBrowser(tmpPrefix: string): void {
  before(async () => {
    if (skip) return;
    if (missing) throw new Error(missing);
    if (!existsSync(join(repo, 'web/dist/index.html'))) {
      const r = spawnSync(
        process.execPath,
        ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts'],
        { cwd: repo, stdio: 'inherit' },
      );
      assert.equal(r.status, 0, 'vite build failed');
    }
    mkdirSync(results, { recursive: true });
    base = await startServer(tmpPrefix);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    // every context a test opens records violations (browser.newPage opens one through newContext)
    const b = browser;
    const newContext = b.newContext.bind(b);
    b.newContext = async (...args) => {
      const context = await newContext(...args);
      await recordCspViolations(context);
      return context;
    };
  });
  afterEach(async () => {
    // the listener reports through a binding: give the last reports time to arrive
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(cspViolations.splice(0), [], 'the page broke its Content-Security-Policy');
  });
  after(async () => {
    await browser?.close();
    await stopServer();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
}

/** A page on a laptop screen in Russian that records foreign requests and script errors. */
export async function watchedPage(): Promise<{
  context: BrowserContext;
  page: Page;
  foreign: string[];
  pageErrors: string[];
}> {
  const context = await browser!.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'ru-RU',
  });
  const page = await context.newPage();
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.hostname !== '127.0.0.1')
      foreign.push(r.url());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // a test moving on from a form it filled leaves it, as a user answering «leave» would (the
  // question itself is checked in exchange.test.ts, on a page of its own)
  page.on('dialog', (d) => {
    const leaving =
      d.type() === 'beforeunload' ||
      (d.type() === 'confirm' && /не сохранены|not saved/.test(d.message()));
    if (leaving) answer(d, 'leave');
  });
  return { context, page, foreign, pageErrors };
}

/**
 * Answers a browser question. A navigation or a closing page issued meanwhile may have closed
 * it already («No dialog is showing», «Target page … closed»): nothing is left to answer then,
 * and a rejected answer must not surface as an unhandled rejection after the test.
 */
export function answer(d: Dialog, choice: 'leave' | 'stay'): void {
  (choice === 'leave' ? d.accept() : d.dismiss()).catch(() => {});
}

/** A call of the API (`/api/v1` + path) with the page's session cookie: status and parsed body. */
export async function callApi(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const r = await fetch(`/api/v1${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

/** A match as the API answers it, to the depth the walks read. */
export interface Match {
  id: string;
  status: string;
  closedReason?: string;
  yourSides: Array<'supply' | 'demand'>;
  supply: { listingId: string; organisationId: string | null; decision: string };
  demand: { listingId: string; organisationId: string | null; decision: string };
}
/** A match's pair of listings, as the plan's flows name it. */
export const pair = (m: Pick<Match, 'supply' | 'demand'>) =>
  `${m.supply.listingId}→${m.demand.listingId}`;

export async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${base}/#/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.press('input[name="password"]', 'Enter'); // Enter submits
  // attached, not visible: a phone's header hides the name behind its menu
  await page.locator('.user .user-name').waitFor({ state: 'attached' });
  // the name shows a moment before the login page moves on to the page after it: a test's
  // own navigation in that moment would be overridden
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
}

export async function logOut(page: Page) {
  await page.locator('.user button').click();
  await page.locator('.topbar a[href="#/login"]').waitFor();
}
