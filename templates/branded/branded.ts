/**
 * The branded template: the standard page plus a title bar. Its logo is the page's logo graphic
 * (`logoUrl`, or a live `RECORDING_GRAPHICS` logo), moved from its corner into the bar.
 */
import '../../src/main.js';
import { parseBrandParams } from './brand-params.js';
import './rec-brand-bar.js';

const { brand, warnings } = parseBrandParams(window.location.search);
for (const warning of warnings) console.warn(`Recording template: ${warning.message}`);
const app = document.querySelector('rec-app');
const bar = document.querySelector('rec-brand-bar');
if (brand.brandColor) app?.style.setProperty('--rec-brand', brand.brandColor);
if (app && bar) {
  bar.heading = brand.title;
  const follow = (): void => {
    const url = app.graphics.logo?.url;
    if (bar.logoUrl !== url) bar.logoUrl = url;
  };
  follow();
  app.store.subscribe(follow);
}
