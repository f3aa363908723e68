/**
 * `POST /content/objects` with a ContentCreate (ezplatform-rest 1.3 `Input/Parser/ContentCreate.php`
 * checks, in that order); the mock publishes at once instead of creating a draft.
 */
import { contentTypeById } from '../fixtures/content-types';
import { inputRecord, inputString } from '../http/input';
import { badRequest, notFound, resource, unauthorized } from '../core/results';
import type { Context, Result } from '../core/types';
import { contentNode } from '../trees/content';

function fieldValues(input: unknown): Record<string, unknown>[] | null {
  const fields = inputRecord(input, 'fields');
  const f = fields?.field;
  if (Array.isArray(f)) return f.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
  return typeof f === 'object' && f !== null ? [f as Record<string, unknown>] : null;
}

export function createContent(ctx: Context): Result {
  const { input } = ctx;
  const type = inputRecord(input, 'ContentType');
  if (!type) return badRequest("Missing 'ContentType' element for ContentCreate.");
  const typeHref = inputString(type, '_href');
  if (typeHref === undefined) return badRequest("Missing '_href' attribute for ContentType element in ContentCreate.");
  if (inputString(input, 'mainLanguageCode') === undefined) {
    return badRequest("Missing 'mainLanguageCode' element for ContentCreate.");
  }
  const parentHref = inputString(inputRecord(inputRecord(input, 'LocationCreate'), 'ParentLocation'), '_href');
  if (parentHref === undefined) return badRequest("Missing or invalid 'LocationCreate' element for ContentCreate.");
  const fields = fieldValues(input);
  if (fields === null) return badRequest("Missing or invalid 'fields' element for ContentCreate.");
  const { repo, now } = ctx.state;
  const typeId = Number(typeHref.split('/').pop());
  if (contentTypeById(typeId) === undefined) return notFound('ContentType', typeHref.split('/').pop() ?? typeHref);
  const parentPath = parentHref.replace(/^.*\/content\/locations\//, '');
  const parent = repo.locationByPath(parentPath);
  if (!parent) return notFound('Location', parentPath.split('/').pop() ?? parentPath);
  const parentSection = repo.content.get(parent.contentId)?.sectionId ?? 1;
  const sectionHref = inputString(inputRecord(input, 'Section'), '_href');
  const sectionId = sectionHref === undefined ? parentSection : Number(sectionHref.split('/').pop());
  if (!repo.can(ctx.caller.userId, 'content', 'create', { sectionId })) {
    return unauthorized('create', 'content', { parentLocationId: parent.id, sectionId });
  }
  const named =
    fields.find((f) => f.fieldDefinitionIdentifier === 'name' || f.fieldDefinitionIdentifier === 'title') ?? fields[0];
  const name = inputString(named, 'fieldValue') ?? 'New content';
  const at = new Date(now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const c = repo.createContent(name, typeId, parent, sectionId, ctx.caller.userId, at);
  return resource(201, 'Content', contentNode(repo, c, true), { location: `/content/objects/${c.id}` });
}
