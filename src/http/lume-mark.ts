/**
 * Lume's mark: a sparkle of light on an indigo tile. One drawing, used inline on every page Lume
 * serves (no image request, nothing for a CSP to allow) and as the favicon at /assets/lume.svg.
 */
const DRAWING =
  '<defs><linearGradient id="lume-sky" x1="0" y1="0" x2="48" y2="48" gradientUnits="userSpaceOnUse">' +
  '<stop offset="0" stop-color="#7063ff"/><stop offset="1" stop-color="#3a2bc4"/></linearGradient></defs>' +
  '<rect width="48" height="48" rx="12" fill="url(#lume-sky)"/>' +
  '<circle cx="22" cy="27" r="11" fill="#fff" fill-opacity=".14"/>' +
  '<path d="M22 16c1.1 7.3 3.7 9.9 11 11-7.3 1.1-9.9 3.7-11 11-1.1-7.3-3.7-9.9-11-11 7.3-1.1 9.9-3.7 11-11z" fill="#fff"/>' +
  '<path d="M36 7c.5 3.2 1.6 4.3 4.8 4.8-3.2.5-4.3 1.6-4.8 4.8-.5-3.2-1.6-4.3-4.8-4.8 3.2-.5 4.3-1.6 4.8-4.8z" fill="#ffd66b"/>';

/** The mark inside a page, `size` CSS pixels square, announced as "Lume". */
export function lumeMark(size: number): string {
  return `<svg class="lume-mark" viewBox="0 0 48 48" width="${size}" height="${size}" role="img" aria-label="Lume">${DRAWING}</svg>`;
}

/** The mark as a file (favicon). */
export const LUME_MARK_FILE = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">${DRAWING}</svg>`;
