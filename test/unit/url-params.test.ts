import { expect } from '@open-wc/testing';
import { DEFAULT_OPTIONS } from '../../src/config/options.js';
import { fromConfigObject, toRestConfig } from '../../src/config/rest-config.js';
import { optionsToQuery, parseTemplateParams } from '../../src/config/url-params.js';

describe('parseTemplateParams', () => {
  it('uses the prebuilt recorder defaults when the URL has no options', () => {
    const params = parseTemplateParams('');
    expect(params.options).to.deep.equal(DEFAULT_OPTIONS);
    expect(params.warnings).to.deep.equal([]);
  });

  it('reads every option, case-insensitively', () => {
    const params = parseTemplateParams(
      '?layoutType=spotlight&layoutPriority=Pin&layoutGridSize=2&theme=dark&mode=AUDIO&quality=HIGH&orientation=Portrait&speakerDwellMs=500&openingMs=0',
    );
    expect(params.options).to.deep.equal({
      layoutType: 'SPOTLIGHT',
      layoutPriority: 'PIN',
      layoutGridSize: 2,
      theme: 'DARK',
      mode: 'audio',
      quality: 'high',
      orientation: 'portrait',
      speakerDwellMs: 500,
      openingMs: 0,
    });
  });

  it('falls back to the default and names the parameter, value and accepted values', () => {
    const params = parseTemplateParams('?layoutType=GIRD&layoutGridSize=9&theme=LIGHT');
    expect(params.options.layoutType).to.equal('GRID');
    expect(params.options.layoutGridSize).to.equal(4);
    expect(params.options.theme).to.equal('LIGHT');
    expect(params.warnings.map((w) => w.option)).to.deep.equal(['layoutType', 'layoutGridSize']);
    expect(params.warnings[0]!.message).to.equal(
      'layoutType="GIRD" is not valid; accepted: GRID, SPOTLIGHT, SIDEBAR. Using GRID.',
    );
    expect(params.warnings[1]!.message).to.contain('an integer from 1 to 4');
  });

  it('rejects fractional and non-numeric grid sizes', () => {
    for (const bad of ['2.5', 'two', '0', '-1', '1e1']) {
      const params = parseTemplateParams(`?layoutGridSize=${bad}`);
      expect(params.options.layoutGridSize, bad).to.equal(4);
      expect(params.warnings, bad).to.have.length(1);
    }
  });

  it('reads output= (what VideoSDK films the page for), warning on a bad one', () => {
    expect(parseTemplateParams('token=a.b.c&output=HLS').recorder.output).to.equal('hls');
    expect(parseTemplateParams('token=a.b.c').recorder.output).to.equal(undefined);
    const bad = parseTemplateParams('token=a.b.c&output=rtmp');
    expect(bad.recorder.output).to.equal(undefined);
    expect(bad.warnings.map((w) => w.message).join(' ')).to.contain('recording, hls, livestream');
  });

  it('reads the recorder credentials and the simulated meeting parameters', () => {
    const params = parseTemplateParams(
      '?token=a.b.c&meetingId=abcd-efgh&participantId=rec1&demo=6&seed=7&speaker=p2&pins=p3,%20p1&presenter=p4&cameraOff=p5&muted=p1,p2&names=Ana,%E5%BC%A0%E4%BC%9F&still=1',
    );
    expect(params.recorder).to.deep.equal({ token: 'a.b.c', meetingId: 'abcd-efgh', participantId: 'rec1' });
    expect(params.demo).to.deep.equal({
      count: 6,
      seed: 7,
      speaker: 'p2',
      pins: ['p3', 'p1'],
      presenter: 'p4',
      cameraOff: ['p5'],
      muted: ['p1', 'p2'],
      names: ['Ana', '张伟'],
      still: true,
    });
  });

  it('warns about a demo count outside 0-100 and keeps the default', () => {
    const params = parseTemplateParams('?demo=1000');
    expect(params.demo.count).to.equal(4);
    expect(params.warnings[0]!.option).to.equal('demo');
  });
});

describe('optionsToQuery', () => {
  it('writes only the options that differ from the defaults, and round-trips', () => {
    const options = { ...DEFAULT_OPTIONS, layoutType: 'SIDEBAR' as const, layoutGridSize: 3 };
    const query = optionsToQuery(options);
    expect(query.toString()).to.equal('layoutType=SIDEBAR&layoutGridSize=3');
    expect(parseTemplateParams(query).options).to.deep.equal(options);
  });

  it('writes every option when asked', () => {
    expect([...optionsToQuery(DEFAULT_OPTIONS, { all: true }).keys()]).to.have.length(9);
  });
});

describe('REST config mapping', () => {
  it('maps options to the documented REST config and back', () => {
    const options = { ...DEFAULT_OPTIONS, layoutType: 'SPOTLIGHT' as const, theme: 'DARK' as const };
    const config = toRestConfig(options);
    expect(config).to.deep.equal({
      layout: { type: 'SPOTLIGHT', priority: 'SPEAKER', gridSize: 4 },
      theme: 'DARK',
      mode: 'video-and-audio',
      quality: 'med',
      orientation: 'landscape',
    });
    const back = fromConfigObject(config);
    expect(back.ok && { ...DEFAULT_OPTIONS, ...back.options }).to.deep.equal(options);
  });

  it('keeps valid values and names the nested path of invalid ones', () => {
    const result = fromConfigObject({ layout: { type: 'sidebar', gridSize: 7 }, theme: 'NEON' });
    if (!result.ok) throw new Error('expected ok');
    expect(result.options).to.deep.equal({ layoutType: 'SIDEBAR' });
    expect(result.warnings.map((w) => w.option)).to.deep.equal(['layout.gridSize', 'theme']);
  });

  it('rejects input that is not an object', () => {
    for (const bad of [null, 'GRID', 42, [1]]) {
      expect(fromConfigObject(bad).ok, JSON.stringify(bad)).to.equal(false);
    }
  });
});
