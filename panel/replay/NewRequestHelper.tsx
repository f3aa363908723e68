/**
 * Starting points for a request built from nothing: the Root resource's links (method and
 * Accept from the link's media type, URI templates like `{sessionId}` filled in fields) and the
 * body templates of the inputs developers write by hand.
 */
import { useEffect, useState } from 'react';
import type { ApiTarget } from '../../shared/domain';
import { expandHrefTemplate, hrefTemplateKeys, isLinkJson } from '../../shared/ez/links';
import { INPUT_TEMPLATES, templateRequest } from '../../shared/ez/inputs';
import { mediaType, parseEzMediaType } from '../../shared/ez/media-types';
import type { PanelApi } from '../usePanelState';
import type { ReplayDraft } from './draft';

interface RootLink {
  name: string;
  href: string;
  media: string;
}

export function NewRequestHelper({
  api,
  target,
  draft,
  onDraft,
}: {
  api: Pick<PanelApi, 'call'>;
  target: ApiTarget;
  draft: ReplayDraft;
  onDraft: (d: ReplayDraft) => void;
}) {
  const [links, setLinks] = useState<RootLink[] | null>(null);
  const [picked, setPicked] = useState<RootLink | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  // `call` is stable; the `api` object is new on every render.
  const { call } = api;
  useEffect(() => {
    const url = `${target.origin}${target.prefix}/`;
    void call(
      'explore.get',
      { url, accept: mediaType('Root', 'json', target.vendor), identity: { kind: 'jar' } },
      { background: true },
    ).then((a) => {
      if (a === null) return setLinks([]);
      try {
        const root = (JSON.parse(a.body) as { Root?: Record<string, unknown> }).Root ?? {};
        setLinks(
          Object.entries(root).flatMap(([name, v]) =>
            isLinkJson(v) ? [{ name, href: v._href, media: v['_media-type'] }] : [],
          ),
        );
      } catch {
        setLinks([]);
      }
    });
  }, [call, target.origin, target.prefix, target.vendor]);

  const apply = (l: RootLink, vals: Record<string, string>): void => {
    const href = expandHrefTemplate(l.href, vals);
    const m = parseEzMediaType(l.media);
    onDraft({
      ...draft,
      method: 'GET',
      url: new URL(href, target.origin).href,
      headers: `Accept: ${m ? mediaType(m.name, 'json', m.vendor) : 'application/json'}`,
      body: '',
    });
  };
  const keys = picked === null ? [] : hrefTemplateKeys(picked.href);
  return (
    <div className="new-request-helper">
      <label className="tool-check">
        Root link
        <select
          data-testid="new-request-link"
          value={picked?.name ?? ''}
          onChange={(e) => {
            const l = links?.find((x) => x.name === e.target.value) ?? null;
            setPicked(l);
            setValues({});
            if (l !== null) apply(l, {});
          }}
        >
          <option value="">
            {links === null
              ? 'loading the Root…'
              : links.length === 0
                ? 'no links (is the API reachable?)'
                : 'pick a link'}
          </option>
          {(links ?? []).map((l) => (
            <option key={l.name} value={l.name}>
              {l.name} — {l.href}
            </option>
          ))}
        </select>
      </label>
      {keys.map((k) => (
        <label key={k} className="tool-check">
          {k}
          <input
            data-testid={`template-${k}`}
            spellCheck={false}
            value={values[k] ?? ''}
            onChange={(e) => {
              const next = { ...values, [k]: e.target.value };
              setValues(next);
              if (picked !== null) apply(picked, Object.fromEntries(Object.entries(next).filter(([, v]) => v !== '')));
            }}
          />
        </label>
      ))}
      <label className="tool-check">
        Body template
        <select
          data-testid="new-request-template"
          value=""
          onChange={(e) => {
            const t = INPUT_TEMPLATES.find((x) => x.name === e.target.value);
            if (t === undefined) return;
            const r = templateRequest(t, target.origin, target.prefix, target.vendor);
            onDraft({
              ...draft,
              method: r.method,
              url: r.url,
              headers: r.headers.map((h) => `${h.name}: ${h.value}`).join('\n'),
              body: r.body,
            });
          }}
        >
          <option value="">pick an input…</option>
          {INPUT_TEMPLATES.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name} ({t.method} {t.path})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
