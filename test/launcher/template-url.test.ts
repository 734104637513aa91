import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_OPTIONS, type RecordingOptions } from '../../src/config/options.js';
import { parseTemplateParams } from '../../src/config/url-params.js';
import { VideoSdkError } from '../../src/server/errors.js';
import { createVideoSdkClient } from '../../src/server/client.js';
import { baseOptions, buildTemplateUrl, isLocalHost, parseTemplateBase } from '../../src/server/template-url.js';

const CLI = { url: '--template-url', allowInsecure: '--allow-insecure-template' };

describe('isLocalHost', () => {
  const local = [
    'localhost', 'LOCALHOST', 'app.localhost', 'printer.local', 'db.internal', 'intranet',
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1',
    '169.254.169.254', '100.64.0.1', '0.0.0.0', '[::1]', '[::]', '[fd12::1]', '[fe80::1]', '[::ffff:7f00:1]', '[::ffff:a00:1]',
  ];
  for (const host of local) it(`treats ${host} as unreachable from VideoSDK`, () => assert.equal(isLocalHost(host), true));
  const publicHosts = ['rec.example.com', 'example.com.', '8.8.8.8', '172.32.0.1', '100.128.0.1', '192.169.0.1', '[2606:4700::1111]'];
  for (const host of publicHosts) it(`treats ${host} as public`, () => assert.equal(isLocalHost(host), false));
});

describe('parseTemplateBase', () => {
  const isUsage = (pattern: RegExp) => (error: unknown) =>
    error instanceof VideoSdkError && error.kind === 'invalid' && error.message.startsWith('--template-url') && pattern.test(error.message);

  it('accepts a public https URL and keeps its own query', () => {
    assert.equal(parseTemplateBase('https://rec.example.com/t/?brand=acme', false, CLI).href, 'https://rec.example.com/t/?brand=acme');
  });
  it('refuses http with the reason and the escape hatch', () => {
    assert.throws(() => parseTemplateBase('http://rec.example.com/', false, CLI), isUsage(/only opens https.*--allow-insecure-template/));
  });
  it('refuses localhost and private addresses', () => {
    for (const url of ['https://localhost:5173/', 'https://192.168.0.10/', 'https://[::1]/']) {
      assert.throws(() => parseTemplateBase(url, false, CLI), isUsage(/cannot reach/), url);
    }
  });
  it('names the library options by default', () => {
    assert.throws(() => parseTemplateBase('http://rec.example.com/', false), (e: unknown) => e instanceof VideoSdkError && /^baseUrl: .*\(allowInsecure: true permits http for testing\)$/.test(e.message));
  });
  it('allows http and localhost with --allow-insecure-template, but still only http(s)', () => {
    assert.equal(parseTemplateBase('http://localhost:5173/', true).host, 'localhost:5173');
    assert.throws(() => parseTemplateBase('file:///tmp/x.html', true, CLI), isUsage(/https/));
  });
  it('refuses what is not a URL', () => {
    assert.throws(() => parseTemplateBase('rec.example.com', false, CLI), isUsage(/not a URL/));
  });
  it('refuses parameters the launcher or VideoSDK set', () => {
    for (const name of ['token', 'meetingId', 'participantId']) {
      assert.throws(() => parseTemplateBase(`https://rec.example.com/?${name}=x`, false, CLI), isUsage(new RegExp(`${name}=`)));
    }
  });
  it('refuses credentials in the URL', () => {
    assert.throws(() => parseTemplateBase('https://user:pw@rec.example.com/', false, CLI), isUsage(/user name or password/));
  });
  it('refuses a #fragment, where the participantId VideoSDK appends would land', () => {
    for (const url of ['https://rec.example.com/t/#top', 'https://rec.example.com/t/?brand=acme#x', 'https://rec.example.com/t/#']) {
      assert.throws(() => parseTemplateBase(url, false, CLI), isUsage(/must not contain a #fragment: VideoSDK appends &participantId=/), url);
    }
  });
});

describe('buildTemplateUrl', () => {
  const base = new URL('https://rec.example.com/t/?brand=acme');

  it('writes every option, so the page reads back exactly what was asked (not its defaults)', () => {
    const options: RecordingOptions = {
      layoutType: 'SIDEBAR', layoutPriority: 'PIN', layoutGridSize: 3, theme: 'LIGHT',
      mode: 'audio', quality: 'high', orientation: 'portrait', speakerDwellMs: 800, openingMs: 0,
    };
    const url = new URL(buildTemplateUrl(base, 'tok.en.value', 'room-1', options, 'recording'));
    const parsed = parseTemplateParams(url.search);
    assert.deepEqual(parsed.options, options);
    assert.deepEqual(parsed.warnings, []);
    assert.equal(parsed.recorder.token, 'tok.en.value');
    assert.equal(parsed.recorder.meetingId, 'room-1');
    assert.equal(parsed.recorder.participantId, undefined);
    assert.equal(url.searchParams.get('brand'), 'acme');
    assert.equal(url.origin + url.pathname, 'https://rec.example.com/t/');
  });

  it('writes the defaults too', () => {
    const url = new URL(buildTemplateUrl(base, 't', 'r', DEFAULT_OPTIONS, 'recording'));
    for (const [name, value] of Object.entries(DEFAULT_OPTIONS)) assert.equal(url.searchParams.get(name), String(value), name);
  });

  it('sets output= for what it is filmed for, replacing one the base carried', () => {
    for (const output of ['recording', 'hls', 'livestream'] as const) {
      const url = new URL(buildTemplateUrl(new URL('https://rec.example.com/t/?output=hls&brand=acme'), 't', 'r', DEFAULT_OPTIONS, output));
      assert.deepEqual(url.searchParams.getAll('output'), [output]);
      assert.equal(url.searchParams.get('brand'), 'acme');
    }
  });

  it('leaves meetingId out when the room is not known yet', () => {
    const url = new URL(buildTemplateUrl(base, 't', undefined, DEFAULT_OPTIONS, 'recording'));
    assert.equal(url.searchParams.has('meetingId'), false);
    assert.equal(url.searchParams.get('token'), 't');
  });
});

describe('baseOptions', () => {
  const isUsage = (pattern: RegExp) => (error: unknown) => error instanceof VideoSdkError && error.kind === 'invalid' && pattern.test(error.message);

  it('reads the layout options a base URL already carries, as the page would', () => {
    const base = new URL('https://rec.example.com/templates/branded/?title=Q3&theme=dark&layoutType=SIDEBAR&layoutGridSize=3');
    assert.deepEqual(baseOptions(base), { theme: 'DARK', layoutType: 'SIDEBAR', layoutGridSize: 3 });
    assert.deepEqual(baseOptions(new URL('https://rec.example.com/?title=Q3')), {});
  });
  it('refuses a value the page would ignore, naming the flag and the parameter', () => {
    assert.throws(() => baseOptions(new URL('https://rec.example.com/?theme=NEON'), '--template-url'), isUsage(/^--template-url: theme="NEON" is not valid; accepted: DARK, LIGHT, DEFAULT$/));
  });
});

describe('quality=ultra', () => {
  it('is accepted without a warning, in the options and in the base URL, and reaches the REST config', async () => {
    const client = createVideoSdkClient({ apiKey: 'k', secret: 's'.repeat(40) });
    const fromOptions = await client.templateUrl({ baseUrl: 'https://rec.example.com/', roomId: 'r', options: { quality: 'ultra' } });
    const fromBase = await client.templateUrl({ baseUrl: 'https://rec.example.com/?quality=ultra', roomId: 'r' });
    for (const built of [fromOptions, fromBase]) {
      assert.equal(new URL(built.templateUrl).searchParams.get('quality'), 'ultra');
      assert.equal(built.config.quality, 'ultra');
    }
  });
});
