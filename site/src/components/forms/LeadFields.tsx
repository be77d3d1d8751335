/**
 * The contact fields of every lead form (contact, whitepaper request, webinar registration,
 * booking): one table of what each field is (input type, autocomplete token, length limit from the
 * rules the server applies, lib/form-rules.ts), so the forms list only which fields they show and
 * which are required. Labels come from the page's language (i18n/forms.ts), errors from the form's
 * state (client checks and the server's field codes, both in the visitor's language).
 */
import type { InputHTMLAttributes } from 'react';
import { FIELD_RULES, type LeadField } from '../../lib/form-rules';
import { Field, type useLeadForm } from './kit';

type Attributes = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'size'> & {
  multiline?: boolean;
  rows?: number;
};

const ATTRIBUTES: Record<LeadField, Attributes> = {
  email: { type: 'email', autoComplete: 'email' },
  firstName: { autoComplete: 'given-name' },
  lastName: { autoComplete: 'family-name' },
  company: { autoComplete: 'organization' },
  jobTitle: { autoComplete: 'organization-title' },
  phone: { type: 'tel', autoComplete: 'tel' },
  country: { autoComplete: 'country', size: 2 },
  message: { multiline: true, rows: 5 },
};

interface Props {
  form: ReturnType<typeof useLeadForm>;
  /** the fields to show, in this order */
  fields: readonly LeadField[];
  required: readonly LeadField[];
  /** a form's own wording for a field (e.g. the contact form's message question) */
  labels?: Partial<Record<LeadField, string>>;
}

export function LeadFields({ form, fields, required, labels = {} }: Props) {
  const { t, fieldError } = form;
  return (
    <>
      {fields.map((name) => {
        const isRequired = required.includes(name);
        return (
          <Field
            key={name}
            name={name}
            label={labels[name] ?? t[name]}
            error={fieldError(name)}
            required={isRequired || undefined}
            optionalLabel={t.optional}
            maxLength={FIELD_RULES[name].max}
            {...ATTRIBUTES[name]}
          />
        );
      })}
    </>
  );
}
