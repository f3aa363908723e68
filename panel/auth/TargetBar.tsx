/** Where the API lives: the editable API base (origin + prefix) and the detect button. */
import type { ApiTarget } from '../../shared/domain';
import { useDraft } from '../useDraft';
import { ActionButton } from '../ui';

import { apiBaseOf } from '../../shared/api-base';
import { EZP3 } from '../../shared/ez/flavours';

export const targetBase = apiBaseOf;

interface Props {
  target: ApiTarget | null;
  applying: boolean;
  detecting: boolean;
  disabled: boolean;
  onApply: (base: string) => void;
  onDetect: () => void;
}

const SOURCE_WORDS: Record<ApiTarget['source'], string> = {
  detected: 'detected from the page',
  default: 'default guess',
  user: 'set by you',
};

export function TargetBar({ target, applying, detecting, disabled, onApply, onDetect }: Props) {
  const current = targetBase(target);
  const [draft, setDraft] = useDraft(current);
  const apply = (): void => {
    const base = draft.trim();
    if (base !== current) onApply(base);
  };
  return (
    <div className="target-bar">
      <label htmlFor="api-base">API base</label>
      <input
        id="api-base"
        data-testid="api-base"
        type="text"
        spellCheck={false}
        placeholder={`http://127.0.0.1:8080${EZP3.prefix}`}
        value={draft}
        disabled={disabled}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          } else if (e.key === 'Escape') {
            setDraft(current);
          }
        }}
      />
      <ActionButton
        testId="api-base-apply"
        busy={applying}
        disabled={disabled}
        // Keep focus in the input: otherwise its blur applies the base and the click applies it again.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onApply(draft.trim())}
      >
        Use
      </ActionButton>
      <ActionButton testId="detect" busy={detecting} disabled={disabled} onClick={onDetect}>
        Detect
      </ActionButton>
      {target !== null && (
        <span className="muted target-meta">
          {target.vendor} · {SOURCE_WORDS[target.source]}
          {target.siteAccess !== null && ` · SiteAccess ${target.siteAccess}`}
        </span>
      )}
    </div>
  );
}
