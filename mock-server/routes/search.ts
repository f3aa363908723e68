/**
 * `/views` (ezplatform-rest 1.3 `Controller/Views.php`): `POST` runs a ViewInput (1.1) search
 * and answers a View with its Result and searchHits (`ValueObjectVisitor/RestExecutedView.php`);
 * `GET` is a stub upstream (NotImplementedException, 501).
 */
import { errorMessage, badRequest, node, notFound, resource } from '../core/results';
import type { Context, Result, Route } from '../core/types';
import { NotFound, ParseError, parseViewInput, runQuery } from '../search/query';
import { contentNode } from '../trees/content';
import { locationNode } from '../trees/location';
import { unknownContentType } from '../http/input';

export function createView(ctx: Context): Result {
  const started = process.hrtime.bigint();
  const { repo, flavour } = ctx.state;
  let q;
  try {
    q = parseViewInput(ctx.input, (media) =>
      unknownContentType(flavour.vendor, `application/${flavour.vendor}.${media}`),
    );
  } catch (e) {
    if (e instanceof NotFound) return notFound(e.what, e.identifier);
    if (e instanceof ParseError) return badRequest(e.message);
    throw e;
  }
  const { total, hits } = runQuery(repo, ctx.caller.userId, q);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const searchHit = hits.map((h) =>
    node(
      'searchHit',
      { score: 1, index: 'eng-GB' },
      {
        value: node(
          'value',
          {},
          q.kind === 'content'
            ? { Content: contentNode(repo, h.content, true) }
            : { Location: locationNode(repo, h.location) },
        ),
      },
    ),
  );
  const view = node(
    'View',
    { href: `/views/${q.identifier}` },
    {
      identifier: q.identifier,
      Query: node('Query', {}),
      Result: node(
        'ViewResult',
        { href: `/views/${q.identifier}/results` },
        {
          count: total,
          time: Math.round(ms),
          timedOut: false,
          maxScore: 1,
          searchHits: node(undefined, {}, { searchHit }),
          aggregations: [],
        },
      ),
    },
  );
  return resource(200, 'View', view);
}

/** The controller's listView is a stub upstream: NotImplementedException, 501. */
const listViews = (): Result => errorMessage(501, 'ezpublish_rest.controller.content:listView');

export const SEARCH_ROUTES: readonly Route[] = [
  {
    name: 'views',
    pattern: '/views',
    methods: { GET: { handler: listViews }, POST: { handler: createView, inputs: ['ViewInput'] } },
  },
  // The View's own links: stubs upstream too (getView, loadViewResults).
  { name: 'view', pattern: '/views/{viewId}', methods: { GET: { handler: () => errorMessage(501, 'getView') } } },
  {
    name: 'viewResults',
    pattern: '/views/{viewId}/results',
    methods: { GET: { handler: () => errorMessage(501, 'loadViewResults') } },
  },
];
