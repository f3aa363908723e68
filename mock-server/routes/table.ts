/**
 * The route table, as data: path pattern (below the prefix), methods with their handler and
 * the input types they read, and whether the route is a session route. OPTIONS answers with
 * the declared methods; HEAD falls back to GET as Symfony's matcher does.
 */
import {
  createContent,
  deleteContent,
  loadContent,
  loadLocation,
  loadLocationChildren,
  redirectContent,
} from './content';
import { createToken } from './jwt';
import { loadRole, loadRoles, loadSection, loadSections } from './lists';
import { loadRoot } from './root';
import { createSession, deleteSession, refreshSession } from './sessions';
import type { Route, RouteMethod } from '../core/types';
import { deleteUser, loadUser, loadUsers, updateUser, verifyUsers } from './users';

export const ROUTES: readonly Route[] = [
  { name: 'root', pattern: '/', methods: { GET: { handler: loadRoot } } },
  {
    name: 'createSession',
    pattern: '/user/sessions',
    sessionRoute: true,
    methods: { POST: { handler: createSession, inputs: ['SessionInput'] } },
  },
  {
    name: 'deleteSession',
    pattern: '/user/sessions/{sessionId}',
    sessionRoute: true,
    methods: { DELETE: { handler: deleteSession } },
  },
  {
    name: 'refreshSession',
    pattern: '/user/sessions/{sessionId}/refresh',
    sessionRoute: true,
    methods: { POST: { handler: refreshSession } },
  },
  {
    name: 'createToken',
    pattern: '/user/token/jwt',
    methods: { POST: { handler: createToken, inputs: ['JWTInput'] } },
  },
  { name: 'users', pattern: '/user/users', methods: { HEAD: { handler: verifyUsers }, GET: { handler: loadUsers } } },
  {
    name: 'user',
    pattern: '/user/users/{id}',
    methods: {
      GET: { handler: loadUser },
      PATCH: { handler: updateUser, inputs: ['UserUpdate'] },
      DELETE: { handler: deleteUser },
    },
  },
  { name: 'roles', pattern: '/user/roles', methods: { GET: { handler: loadRoles } } },
  { name: 'role', pattern: '/user/roles/{id}', methods: { GET: { handler: loadRole } } },
  { name: 'sections', pattern: '/content/sections', methods: { GET: { handler: loadSections } } },
  { name: 'section', pattern: '/content/sections/{id}', methods: { GET: { handler: loadSection } } },
  {
    name: 'contentList',
    pattern: '/content/objects',
    methods: { GET: { handler: redirectContent }, POST: { handler: createContent, inputs: ['ContentCreate'] } },
  },
  {
    name: 'content',
    pattern: '/content/objects/{id}',
    methods: { GET: { handler: loadContent }, DELETE: { handler: deleteContent } },
  },
  {
    name: 'locationChildren',
    pattern: '/content/locations/{path*}/children',
    methods: { GET: { handler: loadLocationChildren } },
  },
  { name: 'location', pattern: '/content/locations/{path*}', methods: { GET: { handler: loadLocation } } },
];

interface Compiled {
  readonly route: Route;
  readonly re: RegExp;
  readonly names: readonly string[];
}

// Compiled once at load: the hot path never builds a RegExp.
const exact = new Map<string, Route>();
const patterned: Compiled[] = [];
for (const route of ROUTES) {
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

export interface Match {
  readonly route: Route;
  readonly params: Record<string, string>;
}

export function matchRoute(path: string): Match | null {
  const r = exact.get(path);
  if (r !== undefined) return { route: r, params: {} };
  for (const c of patterned) {
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

/** The Allow list of the OPTIONS answer (`HEAD,GET`; ezsystems/ezplatform-rest 1.3 `tests/bundle/Functional/HttpOptionsTest.php`). */
export const allowedMethods = (route: Route): string[] => Object.keys(route.methods);
