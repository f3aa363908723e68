/**
 * The DNR resource types a Basic rule covers: every kind of request a page can make. Listing
 * them explicitly matters because a rule without `resourceTypes` skips `main_frame` in Chrome.
 * The lists differ per browser and an unknown value makes `updateSessionRules` reject the rule:
 * Chrome: https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#type-ResourceType
 * Firefox: https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/declarativeNetRequest/ResourceType
 */
import type { Target } from './browser';

type ResourceType = string;

const COMMON: ResourceType[] = [
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'other',
];

export function basicAuthResourceTypes(target: Target): ResourceType[] {
  // Firefox has no webtransport/webbundle types (rejects them); Chrome has no firefox-only extras
  // such as `beacon`/`json` (it reports `beacon` as `ping`).
  return target === 'firefox'
    ? [...COMMON, 'beacon', 'json', 'xml_dtd', 'xslt', 'imageset', 'web_manifest', 'object_subrequest']
    : [...COMMON, 'webtransport', 'webbundle'];
}
