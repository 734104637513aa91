/** Display names for simulated participants: accents, non-Latin scripts, right-to-left text and emoji. */
import { visible } from '../../components/initials.js';
import { type Random, shuffled } from './demo-random.js';

/** The built-in names a simulated meeting picks from (each exercises a different text path). */
export const DEMO_NAMES: readonly string[] = [
  'José Álvarez',
  "Zoë O'Connor",
  '张伟',
  'Анна Петрова',
  'محمد علي',
  '田中 さくら',
  'Ngọc Ánh Trần',
  'Søren 🎧',
  'प्रिया शर्मा',
  '김민준',
  'Άννα Παπαδοπούλου',
  '🎙️ Podcast Host',
  'Grace Hopper',
  'Björn Þórsson',
  'Chidinma Okafor',
  'François-Xavier Dupont',
  'Łukasz Wójcik',
  'Yasmin Haddad',
  'נועה כהן',
  'Aarav Patel',
  'Mei Lin 🌸',
  'Olúwaseun Adébáyọ̀',
  'Siobhán Ní Bhriain',
  'Kwame Mensah',
  'สมชาย ใจดี',
  'Ahmet Yılmaz',
  'Ewa Kowalska',
  'Lucía Fernández',
  'Dr. Katarzyna Brzęczyszczykiewicz-Nowakowska',
  'Tomás 🚀',
  'Ólafur Arnalds',
  'Amaka 👩🏾‍💻',
];

/**
 * An endless, seeded sequence of names: the built-in list shuffled, then again with a number
 * appended ("Ana 2") once it runs out, so names stay distinct in large meetings.
 */
export class DemoNamePicker {
  private readonly order: readonly string[];
  private index = 0;

  constructor(random: Random) {
    this.order = shuffled(DEMO_NAMES, random);
  }

  /** The next name in the sequence. */
  next(): string {
    const round = Math.floor(this.index / this.order.length);
    const name = this.order[this.index % this.order.length] as string;
    this.index += 1;
    return round === 0 ? name : `${name} ${round + 1}`;
  }
}

/**
 * The initials shown on a synthetic video frame: first visible letters of the first two words
 * (grapheme-aware); blank letters such as U+3164 draw nothing, so they never count.
 */
export function initials(displayName: string): string {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const firstShown = (word: string) => [...segmenter.segment(word)].map((s) => s.segment).find((g) => visible(g) && /[\p{L}\p{N}]/u.test(g));
  return displayName
    .split(/\s+/)
    .map(firstShown)
    .filter((g) => g !== undefined)
    .slice(0, 2)
    .join('')
    .toLocaleUpperCase();
}
