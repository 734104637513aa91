/** The podcast template: the standard page plus a level meter per speaker (its only chrome). */
import '../../src/main.js';
import { parseTemplateParams } from '../../src/config/url-params.js';
import './rec-level-meters.js';

const meters = document.querySelector('rec-level-meters');
const app = document.querySelector('rec-app');
if (meters && app) {
  // still=1 (snapshots) keeps the meters still: they then follow who is speaking, not the audio.
  meters.still = parseTemplateParams(window.location.search).demo.still;
  meters.app = app;
}
