import { expect } from '@open-wc/testing';
import { initialsOf } from '../../src/components/initials.js';

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
  ];
  for (const [name, expected] of cases) {
    it(`gives ${JSON.stringify(expected)} for ${JSON.stringify(name)}`, () => {
      expect(initialsOf(name)).to.equal(expected);
    });
  }
});
