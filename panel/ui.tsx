/** Small building blocks shared by the sections: a titled section, a busy-aware button, a spinner. */
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export function Section(props: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="section" data-testid={props.testId}>
      <header className="section-header">
        <h2>{props.title}</h2>
        {props.actions !== undefined && <div className="section-actions">{props.actions}</div>}
      </header>
      <div className="section-body">{props.children}</div>
    </section>
  );
}

export function Spinner(props: { label?: string }) {
  return <span className="spinner" role="status" aria-label={props.label ?? 'Working'} />;
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; testId: string };

/** A button that is disabled and shows a spinner while its own action is pending. */
export function ActionButton({ busy = false, testId, children, disabled, type, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      data-testid={testId}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
    >
      {busy && <Spinner />}
      {children}
    </button>
  );
}

type FieldProps = {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password';
  disabled?: boolean;
  autoComplete?: string;
  placeholder?: string;
  onBlur?: () => void;
};

/** A labelled text input as every form of the panel lays it out (label above, no spell check). */
export function TextField({ label, testId, onChange, type = 'text', ...input }: FieldProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        {...input}
        data-testid={testId}
        type={type}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
