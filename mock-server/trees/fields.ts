/**
 * A version's fields as the REST Version visitor writes them (`visitField`: id,
 * fieldDefinitionIdentifier, languageCode, fieldTypeIdentifier, fieldValue), each value as its
 * field type's REST serializer hashes it (rich text as DocBook XML, images and files as hashes,
 * relations by destination id).
 */
import type { ContentFixture, FieldValue } from '../fixtures/content';
import { contentTypeById, type FieldDefFixture } from '../fixtures/content-types';
import type { Repository } from '../fixtures/repository';
import { node } from '../core/results';
import type { Node, Value } from '../core/types';

export const LANGUAGE = 'eng-GB';

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** eZ's rich text: a DocBook `<section>`, one paragraph here. */
export function richText(text: string): Node {
  const para = text === '' ? '' : `<para>${escapeXml(text)}</para>`;
  return node(
    undefined,
    {},
    {
      xml: `<?xml version="1.0" encoding="UTF-8"?>\n<section xmlns="http://docbook.org/ns/docbook" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:ezxhtml="http://ez.no/xmlns/ezpublish/docbook/xhtml" xmlns:ezcustom="http://ez.no/xmlns/ezpublish/docbook/custom" version="5.0-variant ezpublish-1.0">${para}</section>\n`,
    },
  );
}

function value(repo: Repository, c: ContentFixture, def: FieldDefFixture, v: FieldValue | undefined): Value {
  switch (def.type) {
    case 'ezrichtext':
      return richText(typeof v === 'string' ? v : '');
    case 'ezboolean':
      return v === true;
    case 'ezobjectrelation':
      return node(undefined, {}, { destinationContentId: typeof v === 'number' ? v : null });
    case 'ezauthor':
      return Array.isArray(v) ? v.map((a, i) => node(undefined, {}, { id: i + 1, name: a.name, email: a.email })) : [];
    case 'ezuser': {
      const u = repo.users.get(c.id);
      return node(
        undefined,
        {},
        {
          hasStoredLogin: u !== undefined,
          contentId: c.id,
          login: u?.login ?? null,
          email: u?.email ?? null,
          enabled: u?.enabled ?? false,
        },
      );
    }
    case 'ezimage':
      if (v === null || typeof v !== 'object' || !('image' in v)) return null;
      return node(
        undefined,
        {},
        {
          id: `${c.id}/${v.image}`,
          alternativeText: v.alt,
          fileName: v.image,
          fileSize: v.width * v.height,
          uri: `/var/site/storage/images/${c.id}/${v.image}`,
          width: String(v.width),
          height: String(v.height),
        },
      );
    case 'ezbinaryfile':
      if (v === null || typeof v !== 'object' || !('file' in v)) return null;
      return node(
        undefined,
        {},
        {
          id: `application/${c.id}${v.file}`,
          fileName: v.file,
          fileSize: v.size,
          mimeType: v.mime,
          uri: `/content/download/${c.id}/${def.id}`,
          downloadCount: 0,
        },
      );
    default:
      return typeof v === 'string' ? v : '';
  }
}

/** `Fields: { field: [...] }` of a content item's current field values. */
export function fieldsNode(repo: Repository, c: ContentFixture): Node {
  const type = contentTypeById(c.contentTypeId);
  const field = (type?.fields ?? []).map((def) =>
    node(
      undefined,
      {},
      {
        id: c.id * 100 + def.id,
        fieldDefinitionIdentifier: def.identifier,
        languageCode: LANGUAGE,
        fieldTypeIdentifier: def.type,
        fieldValue: value(repo, c, def, c.fields[def.identifier]),
      },
    ),
  );
  return node(undefined, {}, { field });
}

/** All searchable text of a content item: its name and its text-like field values. */
export function fullText(c: ContentFixture): string {
  const texts = Object.values(c.fields).filter((v): v is string => typeof v === 'string');
  return [c.name, ...texts].join('\n').toLowerCase();
}
