/**
 * The route table, as data: each area's routes (path pattern below the prefix, methods with their
 * handler and the input types they read, session routes, the flavours a route exists in) joined
 * here and compiled once per flavour. OPTIONS answers with the declared methods; HEAD falls back
 * to GET as Symfony's matcher does.
 */
import type { Flavour } from '../../shared/ez/flavours';
import type { Route, RouteMethod } from '../core/types';
import { CONTENT_ROUTES } from './content';
import { CONTENT_TYPE_ROUTES } from './content-types';
import { createToken } from './jwt';
import { LOCATION_ROUTES } from './locations';
import { ROLE_ROUTES } from './roles';
import { loadRoot } from './root';
import { SEARCH_ROUTES } from './search';
import { SESSION_ROUTES } from './sessions';
import { SITE_ROUTES } from './site';
import { USER_GROUP_ROUTES } from './user-groups';
import { USER_ROUTES } from './users';

export const ROUTES: readonly Route[] = [
  { name: 'root', pattern: '/', methods: { GET: { handler: loadRoot } } },
  ...SESSION_ROUTES,
  {
    name: 'createToken',
    pattern: '/user/token/jwt',
    methods: { POST: { handler: createToken, inputs: ['JWTInput'] } },
  },
  ...USER_ROUTES,
  ...USER_GROUP_ROUTES,
  ...ROLE_ROUTES,
  ...CONTENT_ROUTES,
  ...LOCATION_ROUTES,
  ...CONTENT_TYPE_ROUTES,
  ...SITE_ROUTES,
  ...SEARCH_ROUTES,
];

interface Compiled {
  readonly route: Route;
  readonly re: RegExp;
  readonly names: readonly string[];
}

interface Table {
  readonly exact: ReadonlyMap<string, Route>;
  readonly patterned: readonly Compiled[];
}

function compile(flavour: Flavour): Table {
  const exact = new Map<string, Route>();
  const patterned: Compiled[] = [];
  for (const route of ROUTES) {
    if (route.flavours !== undefined && !route.flavours.includes(flavour.id)) continue;
    if (!route.pattern.includes('{')) {
      exact.set(route.pattern, route);
      continue;
    }
    const names: string[] = [];
    const source = route.pattern.replace(/\{([A-Za-z]+)(\*?)\}/g, (_m, name: string, star: string) => {
      names.push(name);
      return star === '*' ? '(\\d+(?:/\\d+)*)' : '([^/]+)';
    });
    patterned.push({ route, re: new RegExp(`^${source}$`), names });
  }
  return { exact, patterned };
}

// Compiled once per flavour: the hot path never builds a RegExp.
const tables = new WeakMap<Flavour, Table>();

export interface Match {
  readonly route: Route;
  readonly params: Record<string, string>;
}

export function matchRoute(path: string, flavour: Flavour): Match | null {
  let t = tables.get(flavour);
  if (t === undefined) {
    t = compile(flavour);
    tables.set(flavour, t);
  }
  const r = t.exact.get(path);
  if (r !== undefined) return { route: r, params: {} };
  for (const c of t.patterned) {
    const m = c.re.exec(path);
    if (m === null) continue;
    const params: Record<string, string> = {};
    c.names.forEach((n, i) => {
      params[n] = m[i + 1] ?? '';
    });
    return { route: c.route, params };
  }
  return null;
}

/** The handler for a method, HEAD falling back to GET. */
export function methodOf(route: Route, method: string): RouteMethod | undefined {
  return route.methods[method] ?? (method === 'HEAD' ? route.methods.GET : undefined);
}

/** The Allow list of the OPTIONS answer (`HEAD,GET`; ezplatform-rest 1.3 `tests/bundle/Functional/HttpOptionsTest.php`). */
export const allowedMethods = (route: Route): string[] => Object.keys(route.methods);
