import { expect } from '@open-wc/testing';
import { initialsOf, labelName } from '../../src/components/initials.js';

describe('initialsOf', () => {
  const cases: [string, string][] = [
    ['José Álvarez', 'JÁ'],
    ['zoë o’connor', 'ZO'],
    ['Madonna', 'M'],
    ['  Anna   Maria  Petrova ', 'AP'],
    ['张伟', '张'],
    ['محمد علي', 'مع'],
    ['Søren 🎧', 'S'],
    ['🎙️ Podcast Host', 'PH'],
    ['🎧', '🎧'],
    ['', '?'],
    ['प्रिया शर्मा', 'प्रिश'],
    // Nothing visible: zero-width and other format characters, fillers and separators count as empty.
    ['\u200B\u200B', '?'],
    ['\u200E\u200F\u2060\uFEFF', '?'],
    ['\u3164', '?'],
    [' \u00AD\u00A0\t', '?'],
    ['\u200B🎧', '🎧'],
    ['\u200BAna \u200B Lima', 'AL'],
    ['\u3164 Bo', 'B'],
  ];
  for (const [name, expected] of cases) {
    it(`gives ${JSON.stringify(expected)} for ${JSON.stringify(name)}`, () => {
      expect(initialsOf(name)).to.equal(expected);
    });
  }
});

describe('labelName', () => {
  const cases: [string, string][] = [
    ['Ana Lima', 'Ana Lima'],
    ['ka 👩‍💻', 'ka 👩‍💻'],
    ['\u200FAna', '\u200FAna'],
    ['', '?'],
    ['   ', '?'],
    ['\u200B\u200B', '?'],
    ['\u2060\u3164\uFE0F', '?'],
  ];
  for (const [name, expected] of cases) {
    it(`shows ${JSON.stringify(expected)} for ${JSON.stringify(name)}`, () => {
      expect(labelName(name)).to.equal(expected);
    });
  }
});
