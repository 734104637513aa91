import { expect } from '@open-wc/testing';
import { NO_FEATURES, featureFlagsToQuery, parseFeatureParams } from '../../src/config/feature-params.js';
import { parseTemplateParams } from '../../src/config/url-params.js';

const read = (search: string) => parseFeatureParams(new URLSearchParams(search));

describe('parseFeatureParams', () => {
  it('turns nothing on without parameters', () => {
    expect(read('')).to.deep.equal({ features: NO_FEATURES, warnings: [] });
    expect(parseTemplateParams('').features).to.deep.equal(NO_FEATURES);
  });

  it('reads every extra', () => {
    const { features, warnings } = read(
      'captions=1&chat=true&hide=p3,%20p4,,p3&shareLayout=sidebar&banner=Live%20now&logoUrl=https://x.example/l.svg&background=%230b1d3a',
    );
    expect(warnings).to.deep.equal([]);
    expect(features).to.deep.equal({
      captions: true,
      chat: true,
      hide: ['p3', 'p4'],
      shareLayout: 'SIDEBAR',
      graphics: {
        banner: { text: 'Live now', position: 'bottom' },
        logo: { url: 'https://x.example/l.svg', corner: 'top-right' },
        background: { color: '#0b1d3a' },
      },
    });
  });

  it('takes an https image as the background too', () => {
    expect(read('background=https://x.example/bg.jpg').features.graphics.background).to.deep.equal({ imageUrl: 'https://x.example/bg.jpg' });
  });

  it('leaves out each bad value with a warning naming it and what is accepted', () => {
    const { features, warnings } = read('captions=yes&shareLayout=MOSAIC&logoUrl=javascript:alert(1)&background=url(x)');
    expect(features).to.deep.equal(NO_FEATURES);
    expect(warnings.map((w) => w.option)).to.deep.equal(['captions', 'logoUrl', 'background', 'shareLayout']);
    expect(warnings[1]!.message).to.contain('an https:// image address or a data:image/… URL');
  });

  it('keeps a hostile banner as bounded text', () => {
    const banner = read(`banner=${encodeURIComponent(`<script>alert(1)</script>${'x'.repeat(5000)}`)}`).features.graphics.banner!;
    expect(banner.text.startsWith('<script>alert(1)</script>')).to.equal(true);
    expect(banner.text.length).to.equal(200);
  });

  it('writes the flags back as a query, leaving out the ones that are off', () => {
    expect(featureFlagsToQuery({ captions: true, chat: false, hide: ['p1', 'p2'], shareLayout: 'GRID' }).toString()).to.equal(
      'captions=1&hide=p1%2Cp2&shareLayout=GRID',
    );
    expect(featureFlagsToQuery(NO_FEATURES).toString()).to.equal('');
  });

  it('puts the warnings with the other URL warnings, and agents with the demo', () => {
    const params = parseTemplateParams('?chat=2&agents=2&captions=1');
    expect(params.warnings.map((w) => w.option)).to.deep.equal(['chat']);
    expect(params.demo.agents).to.equal(2);
    expect(params.demo.transcribe).to.equal(true);
    expect(parseTemplateParams('?agents=9').warnings.map((w) => w.option)).to.deep.equal(['agents']);
  });
});
