/** The template page's entry: fonts and the app element (which reads the URL and joins). */
import './fonts.css';
import './components/rec-app.js';
import { markPhase } from './meeting/phases.js';
import { parseTemplateParams } from './config/url-params.js';
import { isRecorderMode } from './sources/create-source.js';

markPhase('module');
// The designer panel is its own chunk, fetched only in the preview: the recorder never downloads it.
const params = parseTemplateParams(window.location.search);
const app = document.querySelector('rec-app');
if (app && !isRecorderMode(params) && params.panel !== false) {
  import('./preview/preview-shell.js')
    .then(({ mountPreview }) => mountPreview(app))
    .catch((error: unknown) => console.error(`Recording template: the designer panel did not load (${String(error)}).`));
}
