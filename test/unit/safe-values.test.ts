import { expect } from '@open-wc/testing';
import { parseFeatureParams } from '../../src/config/feature-params.js';
import { parseBackgroundColor, parseGraphicsMessage } from '../../src/config/graphics-message.js';
import { isCssColor } from '../../src/config/safe-values.js';
import { parseBrandParams } from '../../templates/branded/brand-params.js';

// Each passes CSS.supports('color', …) (any var() does), and each could make the browser fetch something.
const LOADING_VALUES = [
  'var(--x, url(http://brand.example/leak.png))',
  'var(--x)',
  'VAR(--x, red)',
  'rgb(from var(--x, url(http://brand.example/leak.png)) r g b)',
  'color-mix(in srgb, var(--x, url(http://e.example/a.png)) 50%, red)',
  'image-set(url(http://brand.example/leak.png) 1x)',
  'env(safe-area-inset-top, red)',
  'attr(data-x type(<color>), red)',
  'u\\72l(http://brand.example/leak.png)',
];

describe('isCssColor', () => {
  it('accepts the colours people write', () => {
    for (const colour of ['#ff7a00', 'orange', 'rgb(255 122 0)', 'rgba(0, 0, 0, 0.5)', 'hsl(200 50% 40%)', 'oklch(70% 0.1 200)', 'color-mix(in srgb, red 40%, blue)', 'transparent']) {
      expect(isCssColor(colour), colour).to.equal(true);
    }
  });

  it('refuses var(), url(), image-set() and every other function that is not a colour', () => {
    for (const value of LOADING_VALUES) expect(isCssColor(value), value).to.equal(false);
  });

  it('refuses them in every colour input: brandColor, background, RECORDING_GRAPHICS and CHANGE_BACKGROUND', () => {
    const value = LOADING_VALUES[0]!;
    expect(parseBrandParams(`brandColor=${encodeURIComponent(value)}`).brand.brandColor).to.equal(undefined);
    expect(parseFeatureParams(new URLSearchParams({ background: value })).features.graphics.background).to.equal(undefined);
    expect(parseGraphicsMessage(JSON.stringify({ background: { color: value } })).ok).to.equal(false);
    expect(parseBackgroundColor(value).ok).to.equal(false);
  });
});
