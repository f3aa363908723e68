/**
 * A crawler for the mock: from the Root, GET every link the server wrote (`_href` in JSON, `href`
 * in XML), with the `Accept` of the link's own media type, following redirects, and record each
 * answer. Links that are not GETs (`_method`), URI templates and values that are not paths under
 * the prefix (limitation refs) are not followed.
 */
import { send } from './helpers';

export interface Visit {
  path: string;
  /** who linked to it (the first page that did) */
  from: string;
  status: number;
  description: string | null;
}

interface Link {
  href: string;
  media: string;
}

function jsonLinks(v: unknown, out: Link[]): void {
  if (Array.isArray(v)) return v.forEach((x) => jsonLinks(x, out));
  if (typeof v !== 'object' || v === null) return;
  const o = v as Record<string, unknown>;
  if (typeof o._href === 'string' && o._method === undefined) {
    out.push({ href: o._href, media: typeof o['_media-type'] === 'string' ? o['_media-type'] : '' });
  }
  for (const child of Object.values(o)) jsonLinks(child, out);
}

function xmlLinks(text: string, out: Link[]): void {
  for (const m of text.matchAll(/<[A-Za-z][\w-]*((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g)) {
    const attrs = Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    if (attrs.href !== undefined && attrs.method === undefined)
      out.push({ href: attrs.href.replace(/&amp;/g, '&'), media: attrs['media-type'] ?? '' });
  }
}

export async function crawl(
  base: string,
  prefix: string,
  format: 'json' | 'xml',
  headers: Record<string, string>,
): Promise<Visit[]> {
  const fallback = format === 'json' ? 'application/json' : 'application/xml';
  const seen = new Map<string, Visit>();
  const queue: Array<{ path: string; media: string; from: string }> = [
    { path: `${prefix}/`, media: '', from: '(start)' },
  ];
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined || seen.has(next.path)) continue;
    const accept = next.media === '' ? fallback : next.media.replace(/\+(json|xml)$/, `+${format}`);
    let r = await send(base, { path: next.path, headers: { Accept: accept, ...headers } });
    for (let hops = 0; r.status >= 300 && r.status < 400 && hops < 5; hops++) {
      const location = r.headers.get('location') ?? '';
      r = await send(base, { path: location, headers: { Accept: accept, ...headers } });
    }
    const fromJson = (r.json as { ErrorMessage?: { errorDescription?: string } } | undefined)?.ErrorMessage
      ?.errorDescription;
    const fromXml = /<errorDescription>([^<]*)</
      .exec(r.text)?.[1]
      ?.replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    seen.set(next.path, {
      path: next.path,
      from: next.from,
      status: r.status,
      description: fromJson ?? fromXml ?? null,
    });
    const links: Link[] = [];
    if (format === 'json') jsonLinks(r.json, links);
    else xmlLinks(r.text, links);
    for (const l of links) {
      if (!l.href.startsWith(`${prefix}/`) || /\{/.test(l.href) || seen.has(l.href)) continue;
      queue.push({ path: l.href, media: l.media, from: next.path });
    }
  }
  return [...seen.values()];
}
