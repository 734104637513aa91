/**
 * videosdk-template-test, installed from its tarball, judging our templates (which must pass) and our
 * page with one deliberate fault (which must fail with the line naming it), plus its CLI contract.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO, brokenBuild, kit } from './kit.js';

// The machine running the tests may be busy: generous waits (a passing check returns as soon as it holds).
const PATIENT = ['--timeout', '40'];
const KIT_MS = 280_000;

const CHECKS = ['live', 'hidden', 'cameras', 'audio', 'layout-message', 'socket-drop', 'refused-token', 'page-errors'];

/** The FAIL lines of a text report, by check id. */
function failures(stdout: string): string[] {
  return [...stdout.matchAll(/^ {2}FAIL {2}([\w-]+): /gm)].map((m) => m[1] ?? '');
}

test.describe('our templates pass', () => {
  test.describe.configure({ timeout: 300_000 });

  test('the main page, as a built folder, passes every check; --json gives the report', async () => {
    const { code, stdout, stderr } = await kit([join(REPO, 'dist'), '--json', ...PATIENT], KIT_MS);
    const report = JSON.parse(stdout) as Record<string, unknown> & { checks: Array<Record<string, unknown>> };
    expect(report.checks.filter((c) => !c['ok']), stderr).toEqual([]);
    expect(code).toBe(0);
    expect(Object.keys(report).sort()).toEqual(['checks', 'coreBusyPercent', 'cpuPercent', 'durationMs', 'firstFrameMs', 'passed', 'pinnedCore', 'url']);
    expect(report['passed']).toBe(true);
    expect(report['url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(report.checks.map((c) => c['id'])).toEqual(CHECKS);
    for (const check of report.checks) expect(check).toEqual({ id: expect.any(String), ok: true, detail: expect.any(String) });
    expect(report['firstFrameMs']).toBeGreaterThan(0);
    expect(report['cpuPercent']).toBeGreaterThan(0);
    expect(report['pinnedCore']).toBe(0);
    test.info().annotations.push({ type: 'report', description: stdout });
  });

  for (const name of ['branded', 'podcast']) {
    test(`templates/${name}, by URL, passes every check`, async ({ baseURL }) => {
      const { code, stdout, stderr } = await kit([`${baseURL}/templates/${name}/`, ...PATIENT], KIT_MS);
      expect(failures(stdout), stdout + stderr).toEqual([]);
      expect(code).toBe(0);
      expect(stdout).toContain(`passed: all ${CHECKS.length} checks`);
      expect(stdout).toMatch(/^first frame: \d+ ms; CPU: \d+ % of one core \(pinned to core 0\); run: [\d.]+ s$/m);
      test.info().annotations.push({ type: 'report', description: stdout });
    });
  }
});

test.describe('broken templates fail with the line that names the fault', () => {
  test.describe.configure({ timeout: 300_000 });
  let work: string;
  test.beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'videosdk-broken-'));
  });
  test.afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('tiles that never get video fail the cameras check, and only what needs video', async () => {
    const { code, stdout } = await kit([brokenBuild('no-video', work), '--timeout', '30'], KIT_MS);
    expect(code, stdout).toBe(1);
    expect(failures(stdout), stdout).toEqual(['cameras']);
    expect(stdout).toMatch(/^ {2}FAIL {2}cameras: no frames from p1: 0 frames in 1 s, nothing decoded; .*Fix: put each shown camera's track in a <video> inside its tile/m);
    expect(stdout).toMatch(/^ {2}ok {4}audio: 5 microphones play/m);
    expect(stdout).toMatch(/^ {2}ok {4}socket-drop: stayed live through the drop and re-join$/m);
    expect(stdout).toMatch(/^first frame: none; /m);
    expect(stdout).toMatch(/^failed: 1 of 8 checks$/m);
  });

  test('a page that plays no microphone fails the audio check, naming each participant', async () => {
    const { code, stdout } = await kit([brokenBuild('no-audio', work), '--timeout', '30'], KIT_MS);
    expect(code, stdout).toBe(1);
    expect(failures(stdout), stdout).toEqual(['audio']);
    expect(stdout).toMatch(/^ {2}FAIL {2}audio: not heard: p1: its <audio> has no track; .*p5: its <audio> has no track.*Fix: play every microphone, on screen or not/m);
    expect(stdout).toMatch(/^ {2}ok {4}cameras: /m);
  });
});

test.describe('the command line', () => {
  test('bad arguments exit 2 and name the flag; --help lists the defaults', async () => {
    test.setTimeout(120_000);
    const cases: Array<[string[], RegExp]> = [
      [['--peers', '0', 'dist'], /--peers: expected an integer from 1 to 16, got "0"/],
      [['--timeout', 'soon', 'dist'], /--timeout: expected an integer from 1 to 120, got "soon"/],
      [['--frobnicate', 'dist'], /--frobnicate/],
      [[], /missing <url or built folder>/],
      [[join(REPO, 'src')], /<folder>: ".*src" has no index\.html/],
      [['ftp://example.com/'], /only http and https URLs/],
      [['--query', 'token=abc', 'dist'], /--query: token is set by the kit/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await kit(args, 30_000);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
    const help = await kit(['--help'], 30_000);
    expect(help.code).toBe(0);
    for (const line of [/--peers <n> .*\(default: 5\)/, /--timeout <s> .*\(default: 20\)/, /--core <n> .*\(default: 0;/, /--cpu-seconds <s> .*\(default: 5\)/, /--json/]) {
      expect(help.stdout).toMatch(line);
    }
  });
});
