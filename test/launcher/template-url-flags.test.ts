// url and start with a base URL that already carries layout options: the base's values stand unless
// a flag is given, the user hears which won, and a #fragment is refused. Against the loopback api.fake.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonOut, runCli, useFakeApi } from './harness.js';

const BRANDED = 'https://rec.example.com/templates/branded/?title=Q3&theme=DARK&layoutType=SIDEBAR';

const api = useFakeApi();

const query = (stdout: string) => new URL(stdout.trim()).searchParams;

describe('layout options in the base URL', () => {
  it('url keeps them when no flag is given, and says nothing about overrides', async () => {
    const result = await runCli(['url', '--room', 'r', '--template-url', BRANDED], api.env);
    assert.equal(result.code, 0, result.stderr);
    const params = query(result.stdout);
    assert.deepEqual([params.get('title'), params.get('theme'), params.get('layoutType'), params.get('layoutPriority')], ['Q3', 'DARK', 'SIDEBAR', 'SPEAKER']);
    assert.doesNotMatch(result.stderr, /instead of/);
  });

  it('a flag wins, with a note on stderr naming both values', async () => {
    const result = await runCli(['url', '--room', 'r', '--template-url', BRANDED, '--layout', 'grid', '--quality', 'high'], api.env);
    assert.equal(result.code, 0, result.stderr);
    const params = query(result.stdout);
    assert.deepEqual([params.get('theme'), params.get('layoutType'), params.get('quality')], ['DARK', 'GRID', 'high']);
    assert.match(result.stderr, /^note: --layout GRID is used instead of layoutType=SIDEBAR from --template-url$/m);
    assert.equal(result.stderr.match(/^note: /gm)?.length, 1);
  });

  it('--json lists the overrides', async () => {
    const out = jsonOut(await runCli(['url', '--room', 'r', '--template-url', BRANDED, '--theme', 'LIGHT', '--json'], api.env));
    assert.deepEqual(out.overrides, [{ option: 'theme', flag: '--theme', value: 'LIGHT', replaced: 'DARK' }]);
    assert.equal((out.options as Record<string, unknown>).layoutType, 'SIDEBAR');
  });

  it('start sends the base\'s options in config and in the templateUrl', async () => {
    const result = await runCli(['start', '--room', 'r', '--template-url', BRANDED, '--json'], api.env);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(api.fake.problems, []);
    const body = api.fake.requests[0]!.body as { templateUrl: string; config: { theme: string; layout: { type: string } } };
    assert.deepEqual([body.config.theme, body.config.layout.type], ['DARK', 'SIDEBAR']);
    const params = new URL(body.templateUrl).searchParams;
    assert.deepEqual([params.get('title'), params.get('theme'), params.get('layoutType')], ['Q3', 'DARK', 'SIDEBAR']);
    assert.deepEqual(jsonOut(result).overrides, []);
  });

  it('an invalid value in the base is a usage error before any request', async () => {
    const result = await runCli(['start', '--room', 'r', '--template-url', 'https://rec.example.com/?layoutGridSize=9'], api.env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^error: --template-url: layoutGridSize="9" is not valid; accepted: an integer from 1 to 4\n$/);
    assert.equal(api.fake.requests.length, 0);
  });
});

describe('a #fragment in --template-url', () => {
  for (const command of ['url', 'start']) {
    it(`${command} refuses it as a usage error naming the flag, and sends nothing`, async () => {
      const result = await runCli([command, '--room', 'r', '--template-url', 'https://rec.example.com/t/#slide-2'], api.env);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^error: --template-url: must not contain a #fragment/);
      assert.equal(api.fake.requests.length, 0);
    });
  }
});

describe('output= in the templateUrl', () => {
  it('url sets output=recording by default, --output picks hls or livestream, and a base URL\'s own is replaced', async () => {
    assert.equal(query((await runCli(['url', '--room', 'r', '--template-url', BRANDED], api.env)).stdout).get('output'), 'recording');
    for (const output of ['hls', 'livestream']) {
      const result = await runCli(['url', '--room', 'r', '--template-url', `${BRANDED}&output=recording`, '--output', output], api.env);
      assert.deepEqual(query(result.stdout).getAll('output'), [output]);
    }
    const bad = await runCli(['url', '--room', 'r', '--template-url', BRANDED, '--output', 'rtmp'], api.env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--output="rtmp" is not valid; accepted: recording, hls, livestream/);
  });

  it('start films the page for a recording', async () => {
    await runCli(['start', '--room', 'r', '--template-url', BRANDED], api.env);
    const body = api.fake.requests[0]!.body as { templateUrl: string };
    assert.equal(new URL(body.templateUrl).searchParams.get('output'), 'recording');
    assert.deepEqual(api.fake.problems, []);
  });
});
