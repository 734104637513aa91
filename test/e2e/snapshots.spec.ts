import { expect, test } from '@playwright/test';
import { openTemplate } from './helpers.js';

// One snapshot per visibly different variant, on the simulated meeting with still frames.
const BASE = 'still=1&demo=4&speaker=p2';
const NAMES = [
  'Maximilian Alexander Bartholomew von Habsburg-Lothringen',
  'Søren 🎧 Kierkegaard',
  '张伟',
  'محمد علي',
  '<b>Bob</b> & <i>Alice</i>',
  'Ngọc Ánh Trần 🎙️',
].map(encodeURIComponent).join(',');

const VARIANTS: [name: string, query: string][] = [
  ['grid-speaker', BASE],
  ['spotlight-speaker', `${BASE}&layoutType=SPOTLIGHT`],
  ['sidebar-speaker', `${BASE}&layoutType=SIDEBAR`],
  ['grid-pin', `${BASE}&layoutPriority=PIN&pins=p4,p3`],
  ['spotlight-pin', `${BASE}&layoutType=SPOTLIGHT&layoutPriority=PIN&pins=p4,p3`],
  ['sidebar-pin', `${BASE}&layoutType=SIDEBAR&layoutPriority=PIN&pins=p4,p3`],
  ['grid-1', `${BASE}&layoutGridSize=1`],
  ['grid-2', `${BASE}&layoutGridSize=2`],
  ['grid-3', `${BASE}&layoutGridSize=3`],
  ['theme-dark', `${BASE}&theme=DARK`],
  ['theme-light', `${BASE}&theme=LIGHT`],
  ['sidebar-light', `${BASE}&layoutType=SIDEBAR&theme=LIGHT`],
  ['portrait-grid', `${BASE}&orientation=portrait`],
  ['portrait-grid-3', `${BASE}&orientation=portrait&layoutGridSize=3`],
  ['portrait-spotlight', `${BASE}&orientation=portrait&layoutType=SPOTLIGHT`],
  ['portrait-sidebar', `${BASE}&orientation=portrait&layoutType=SIDEBAR`],
  ['audio-mode', `${BASE}&mode=audio`],
  ['audio-mode-dark', `${BASE}&mode=audio&theme=DARK`],
  ['camera-off', `${BASE}&cameraOff=p1,p3&muted=p2,p4`],
  ['share-grid', `${BASE}&presenter=p3`],
  ['share-sidebar', `${BASE}&layoutType=SIDEBAR&presenter=p3`],
  ['share-spotlight', `${BASE}&layoutType=SPOTLIGHT&presenter=p3`],
  ['share-portrait', `${BASE}&orientation=portrait&presenter=p3`],
  ['names', `still=1&demo=6&speaker=p2&layoutGridSize=4&names=${NAMES}&cameraOff=p3,p4`],
  ['names-sidebar', `still=1&demo=6&speaker=p2&layoutType=SIDEBAR&names=${NAMES}&cameraOff=p3,p4`],
  ['waiting', 'still=1&demo=0'],
];

for (const [name, query] of VARIANTS) {
  test(`snapshot: ${name}`, async ({ page }) => {
    await openTemplate(page, query);
    await expect(page).toHaveScreenshot(`${name}.png`);
  });
}
