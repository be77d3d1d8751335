/** The message of a Strapi error response (`{ error: { message } }`) inside a fetch error, if any. */
export const apiErrorMessage = (error: unknown): string | undefined => {
  const response = (error as { response?: { data?: { error?: { message?: unknown } } } } | null | undefined)?.response;
  const message = response?.data?.error?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
};

/** The field messages of a Strapi validation error (`error.details.errors[].message`), if any. */
export const apiErrorDetails = (error: unknown): string[] | undefined => {
  const response = (
    error as { response?: { data?: { error?: { details?: { errors?: unknown } } } } } | null | undefined
  )?.response;
  const errors = response?.data?.error?.details?.errors;
  if (!Array.isArray(errors)) return undefined;
  return errors.map((entry: { message?: unknown }) => String(entry?.message ?? '')).filter(Boolean);
};
