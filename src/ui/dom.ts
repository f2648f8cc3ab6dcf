/** The DOM builder lives below the views (src/app/dom.ts), so the app's banners can use it too. */
export { announce, append, clear, h } from '../app/dom';
