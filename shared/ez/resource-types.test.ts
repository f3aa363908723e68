import { describe, expect, it } from 'vitest';
import { resourceTypeOf } from './resource-types';

describe('resourceTypeOf: spelled as eZ spells it', () => {
  it.each([
    ['application/vnd.ez.api.ContentInfo+json', null, 'ContentInfo'],
    ['application/vnd.ibexa.api.ErrorMessage+xml; charset=utf-8', null, 'ErrorMessage'],
    // Chrome's HAR mimeType is lower-cased: the header wins, else the list gives the spelling
    [null, 'application/vnd.ez.api.contentinfo+json', 'ContentInfo'],
    ['application/vnd.ez.api.usergroupreflist+json', null, 'UserGroupRefList'],
    [null, 'application/vnd.ez.api.somethingnew+json', 'somethingnew'],
    ['application/json', 'application/json', null],
    ['text/html', null, null],
  ])('%j / %j -> %j', (ct, mime, name) => expect(resourceTypeOf(ct, mime)).toBe(name));
});
