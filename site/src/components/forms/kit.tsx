/**
 * What the lead forms (contact, whitepaper request) share: the submit cycle against the CMS,
 * client-side checks that mirror the server (lib/form-rules.ts), field errors from either side
 * next to their field, focus on the first field to fix, the honeypot, the consent boxes and the
 * campaign data (UTM, referrer, landing page) sent with every lead.
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import type { Locale } from '../../consts';
import { FORM_STRINGS, PROBLEM_STRINGS } from '../../i18n/forms';
import { checkLeadFields, serverFieldProblems, utmFromSearch, type LeadField } from '../../lib/form-rules';

export type FormStatus =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; data: Record<string, unknown> }
  | { kind: 'error'; message: string; fields: Record<string, string> };

interface SubmitOptions {
  /** e.g. `${cmsUrl}/api/leads/submissions` */
  endpoint: string;
  /** the lead fields this form shows, and which of them must be filled */
  fields: readonly LeadField[];
  required: readonly LeadField[];
  /** the form's own part of the body (message, whitepaper id, …) */
  extra: (form: FormData) => Record<string, unknown>;
  consentTextVersion: string;
  /** what to say when the CMS answers 404 (e.g. the paper was unpublished after the build) */
  notFoundMessage?: string;
  /** the form's own client checks (e.g. required answers), message per field name */
  check?: (form: FormData) => Record<string, string>;
  /** an answer the form handles itself (e.g. booking's 409 with fresh slots): return the message to show */
  onError?: (status: number, payload: unknown) => string | undefined;
}

const CONSENT_FIELD = 'consent.dataProcessing';

/** The campaign context of this visit, as the leads core stores it with the activity. */
export function visitContext() {
  return {
    utm: utmFromSearch(window.location.search),
    referrer: document.referrer ? document.referrer.slice(0, 2000) : undefined,
    landingPage: window.location.href.slice(0, 2000),
  };
}

export function useLeadForm(lang: Locale) {
  const t = FORM_STRINGS[lang];
  const problems = PROBLEM_STRINGS[lang];
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const [status, setStatus] = useState<FormStatus>({ kind: 'idle' });
  // The server-rendered form must not submit natively (a GET with the visitor's data in the URL)
  // before React has hydrated it: the button is enabled once the island runs.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  /** Moves focus to the first field with an error (in the form's order), else to the message. */
  const focusFirstProblem = (fields: Record<string, string>) => {
    requestAnimationFrame(() => {
      const form = formRef.current;
      const invalid =
        form &&
        Array.from(form.elements).find(
          (element) => (element as HTMLInputElement).name && fields[fieldKey((element as HTMLInputElement).name)],
        );
      if (invalid) (invalid as HTMLElement).focus();
      else alertRef.current?.focus();
    });
  };

  const fail = (message: string, fields: Record<string, string> = {}) => {
    setStatus({ kind: 'error', message, fields });
    focusFirstProblem(fields);
  };

  async function submit(event: FormEvent<HTMLFormElement>, options: SubmitOptions) {
    event.preventDefault();
    if (status.kind === 'sending') return;
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const values = Object.fromEntries(options.fields.map((field) => [field, value(field)]));

    const found: Record<string, string> = Object.fromEntries(
      Object.entries(checkLeadFields(values, options.required)).map(([field, problem]) => [field, problems[problem]]),
    );
    if (form.get('dataProcessing') !== 'on') found[CONSENT_FIELD] = problems.consent;
    Object.assign(found, options.check?.(form));
    if (Object.keys(found).length > 0) return fail(t.invalid, found);

    const body = {
      ...Object.fromEntries(Object.entries(values).filter(([, text]) => text !== '')),
      ...options.extra(form),
      consent: {
        dataProcessing: true,
        marketingEmail: form.get('marketingEmail') === 'on',
        textVersion: options.consentTextVersion,
      },
      ...visitContext(),
      website: value('website') || undefined,
    };
    setStatus({ kind: 'sending' });
    try {
      const response = await fetch(options.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const payload = await response.json().catch(() => null);
      if (response.status === 201)
        return setStatus({ kind: 'sent', data: (payload?.data ?? {}) as Record<string, unknown> });
      const own = options.onError?.(response.status, payload);
      if (own) return fail(own);
      if (response.status === 429) return fail(t.tooMany);
      if (response.status === 400)
        return fail(
          t.invalid,
          Object.fromEntries(
            Object.entries(serverFieldProblems(payload)).map(([field, problem]) => [field, problems[problem]]),
          ),
        );
      if (response.status === 404 && options.notFoundMessage) return fail(options.notFoundMessage);
      fail(t.failed);
    } catch {
      fail(t.failed);
    }
  }

  const fieldError = (name: string) => (status.kind === 'error' ? status.fields[fieldKey(name)] : undefined);
  const reset = () => setStatus({ kind: 'idle' });
  return { t, status, submit, fieldError, formRef, alertRef, ready, reset };
}

/** Form control names map to the API's field paths; the consent box is `consent.dataProcessing`. */
const fieldKey = (name: string) => (name === 'dataProcessing' ? CONSENT_FIELD : name);

interface FieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement> & TextareaHTMLAttributes<HTMLTextAreaElement>,
  'name'
> {
  name: string;
  label: string;
  error?: string;
  multiline?: boolean;
  /** shown after the label of fields that may stay empty */
  optionalLabel?: string;
}

/** A labelled input whose error is announced and tied to it (aria-describedby). */
export function Field({ name, label, error, multiline, required, optionalLabel, ...props }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const common = {
    id,
    name,
    required,
    'aria-required': required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {!required && optionalLabel && <span className="optional"> ({optionalLabel})</span>}
      </label>
      {multiline ? (
        <textarea {...common} {...(props as TextareaHTMLAttributes<HTMLTextAreaElement>)} />
      ) : (
        <input {...common} {...(props as InputHTMLAttributes<HTMLInputElement>)} />
      )}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

/** A field's problem, next to it; the control names it with aria-describedby={id}. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <span className="field-error" id={id}>
      {error}
    </span>
  ) : null;
}

/** Invisible to people, filled in by bots; the server drops such requests quietly. */
export function Honeypot() {
  return (
    <div aria-hidden="true" className="hp">
      <label>
        Website <input name="website" tabIndex={-1} autoComplete="off" />
      </label>
    </div>
  );
}

/** The data-processing consent (required) and marketing emails (optional), with the wording's version. */
export function ConsentBoxes({
  dataProcessing,
  marketingEmail,
  version,
  error,
}: {
  dataProcessing: string;
  marketingEmail: string;
  version: string;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset className="consent" data-consent-version={version}>
      <div className="check">
        <input
          type="checkbox"
          id={`${id}-dp`}
          name="dataProcessing"
          required
          aria-required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-dp-error` : undefined}
        />
        <label htmlFor={`${id}-dp`}>{dataProcessing}</label>
      </div>
      <FieldError id={`${id}-dp-error`} error={error} />
      <div className="check">
        <input type="checkbox" id={`${id}-me`} name="marketingEmail" />
        <label htmlFor={`${id}-me`}>{marketingEmail}</label>
      </div>
    </fieldset>
  );
}

export function LeadForm({
  form,
  onSubmit,
  submitLabel,
  children,
}: {
  form: ReturnType<typeof useLeadForm>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  children: ReactNode;
}) {
  const { status, t, formRef, alertRef, ready } = form;
  return (
    <form ref={formRef} onSubmit={onSubmit} method="post" noValidate aria-busy={status.kind === 'sending'}>
      {children}
      <Honeypot />
      {status.kind === 'error' && (
        <p role="alert" className="form-error" ref={alertRef} tabIndex={-1}>
          {status.message}
        </p>
      )}
      <button type="submit" disabled={!ready || status.kind === 'sending'}>
        {status.kind === 'sending' ? t.sending : submitLabel}
      </button>
    </form>
  );
}
