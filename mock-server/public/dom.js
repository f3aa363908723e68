// Small DOM helpers shared by the demo page's modules.
import { errorText } from './api.js';
import { statusClass } from './log.js';

export const $ = (id) => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`demo page: #${id} is missing from index.html`);
  return node;
};

export function showBadge(id, status) {
  const badge = $(id);
  badge.textContent = status === 0 ? 'ERR' : String(status);
  badge.className = `badge ${statusClass(status)}`;
}

/** One line for the user: the eZ error description if any, else the status text. */
export function outcome(ex) {
  if (ex.status === 0) return ex.error ?? 'network error';
  return errorText(ex.doc) ?? `${ex.status} ${ex.statusText}`.trim();
}
