// Starts every NHS.UK frontend component on the page (header menu, skip link, buttons…).
import { initAll } from '/lib/nhsuk/nhsuk-frontend.min.js';

initAll();
