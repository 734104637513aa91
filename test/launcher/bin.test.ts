import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { jwtVerify } from 'jose';
import { API_KEY, assertNoSecrets, type CliResult, emptyDir, runProcess, SECRET } from './harness.js';

const BIN = fileURLToPath(new URL('../../bin/videosdk-record.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a command in a child process from a directory outside the repo, as a user would. */
async function spawnCli(
  command: string,
  args: string[],
  env: Record<string, string>,
  onStderr?: (text: string, child: ChildProcess) => void,
): Promise<CliResult> {
  const result = await runProcess(command, args, { cwd: emptyDir(), env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, ...(onStderr ? { onStderr } : {}) });
  assertNoSecrets(result, args);
  return result;
}

describe('bin/videosdk-record.mjs', () => {
  it('runs the TypeScript CLI with no build step and prints help', async () => {
    const result = await spawnCli(process.execPath, [BIN, '--help'], {});
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^videosdk-record: /);
  });

  it('passes the exit code through', async () => {
    const result = await spawnCli(process.execPath, [BIN, 'stop'], {});
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'error: --room is required\n');
  });

  it('reads credentials from the environment and signs a valid token', async () => {
    const result = await spawnCli(process.execPath, [BIN, 'token', '--room', 'r', '--show-token'], { VIDEOSDK_API_KEY: API_KEY, VIDEOSDK_SECRET: SECRET });
    assert.equal(result.code, 0, result.stderr);
    const { payload } = await jwtVerify(result.stdout.trim(), new TextEncoder().encode(SECRET));
    assert.equal(payload.roomId, 'r');
  });

  it('stops watch cleanly on SIGINT', async () => {
    const result = await spawnCli(process.execPath, [BIN, 'watch', '--port', '0', '--allow-unsigned'], {}, (stderr, child) => {
      if (stderr.includes('Listening')) child.kill('SIGINT');
    });
    assert.equal(result.code, 0);
  });

  it('works as `npm run record -- …`', async () => {
    const result = await spawnCli('npm', ['run', '--silent', '--prefix', REPO, 'record', '--', 'url', '--help'], {});
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Usage: videosdk-record url/m);
  });
});
