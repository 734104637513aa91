/** The template page's entry: fonts and the app element (which reads the URL and joins). */
import './fonts.css';
import './components/rec-app.js';
