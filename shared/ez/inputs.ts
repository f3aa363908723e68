/**
 * The request bodies a developer writes by hand against eZ, as templates for the New request
 * form (each a minimal body the server accepts: ContentCreate is ezplatform-rest 1.3
 * `Input/Parser/ContentCreate.php`'s required elements), and the check the editor runs before
 * sending: the body's root element must be the input the Content-Type names (a SessionInput
 * sent as ContentCreate is refused by the server with a parser error that hides the real slip).
 */
import { apiHref } from './links';
import { mediaType, parseEzMediaType } from './media-types';
import type { Vendor } from './flavours';

export interface InputTemplate {
  name: string;
  method: string;
  /** path below the prefix */
  path: string;
  /** what the answer is (for Accept) */
  answer: string;
  /** media type parameters (`; version=1.1`) */
  params?: string;
  body: (prefix: string) => unknown;
}

export const INPUT_TEMPLATES: readonly InputTemplate[] = [
  {
    name: 'SessionInput',
    method: 'POST',
    path: '/user/sessions',
    answer: 'Session',
    body: () => ({ SessionInput: { login: 'admin', password: 'publish' } }),
  },
  {
    name: 'JWTInput',
    method: 'POST',
    path: '/user/token/jwt',
    answer: 'JWT',
    body: () => ({ JWTInput: { username: 'admin', password: 'publish' } }),
  },
  {
    name: 'UserUpdate',
    method: 'PATCH',
    path: '/user/users/14',
    answer: 'User',
    body: () => ({ UserUpdate: { email: 'admin@example.com' } }),
  },
  {
    name: 'ContentCreate',
    method: 'POST',
    path: '/content/objects',
    answer: 'Content',
    body: (prefix) => ({
      ContentCreate: {
        ContentType: { _href: apiHref(prefix, '/content/types/1') },
        mainLanguageCode: 'eng-GB',
        LocationCreate: { ParentLocation: { _href: apiHref(prefix, '/content/locations/1/2') } },
        fields: {
          field: [
            { fieldDefinitionIdentifier: 'name', languageCode: 'eng-GB', fieldValue: 'Made with eZ REST DevTools' },
          ],
        },
      },
    }),
  },
  {
    name: 'ViewInput',
    method: 'POST',
    path: '/views',
    answer: 'View',
    // ViewInput 1.1: ContentQuery / LocationQuery (ezplatform-rest 1.3 `Input/Parser/ViewInputOneDotOne.php`)
    params: '; version=1.1',
    body: () => ({
      ViewInput: {
        identifier: 'articles',
        ContentQuery: { Filter: { ContentTypeIdentifierCriterion: 'article' }, limit: 10, offset: 0 },
      },
    }),
  },
];

/** The template as a request: method, URL, headers and pretty body in the target's dialect. */
export function templateRequest(t: InputTemplate, origin: string, prefix: string, vendor: Vendor) {
  return {
    method: t.method,
    url: `${origin}${apiHref(prefix, t.path)}`,
    headers: [
      { name: 'Accept', value: mediaType(t.answer, 'json', vendor) },
      { name: 'Content-Type', value: `${mediaType(t.name, 'json', vendor)}${t.params ?? ''}` },
    ],
    body: JSON.stringify(t.body(prefix), null, 2),
  };
}

/** What is wrong between a Content-Type and the body, in words; null when they agree. */
export function checkInput(contentType: string | null, body: string | null): string | null {
  const text = (body ?? '').trim();
  const media = parseEzMediaType(contentType);
  if (text === '' || media === null) return null;
  const root = rootOf(text, media.format);
  if (typeof root === 'object') return root.problem;
  if (root === media.name) return null;
  if (root.toLowerCase() === media.name.toLowerCase())
    return `The body's root is ${root}; the Content-Type says ${media.name} (eZ's names are case-sensitive).`;
  return `The body is a ${root}, but the Content-Type says ${media.name}: the server would read it as a ${media.name}.`;
}

function rootOf(text: string, format: 'json' | 'xml' | null): string | { problem: string } {
  if (text.startsWith('<')) {
    if (format === 'json') return { problem: 'The body is XML, but the Content-Type says +json.' };
    const m = /^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.-]*)/.exec(text);
    return m?.[1] ?? { problem: 'The XML body has no root element.' };
  }
  if (format === 'xml')
    return { problem: 'The body is not XML, but the Content-Type says +xml (or names no format: eZ then reads XML).' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { problem: `The body is not valid JSON: ${e instanceof Error ? e.message : String(e)}.` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { problem: 'An eZ input body is one object: {"ContentCreate": {…}}.' };
  const keys = Object.keys(parsed);
  if (keys.length !== 1)
    return { problem: `An eZ input body has one root key (the input's name); this one has ${keys.length}.` };
  return keys[0] ?? '';
}
