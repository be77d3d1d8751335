/** The texts themselves are in src/messages/<locale>.ts (i18n/messages.ts). */
import { catalog, groupedCatalog } from './messages';

/**
 * The version of the consent wording shown next to each form's checkboxes; stored with every
 * consent. Change the version whenever the wording below changes.
 */
export const CONSENT_TEXT_VERSION = 'contact-form-2026-11';
export const WHITEPAPER_CONSENT_TEXT_VERSION = 'whitepaper-form-2026-12';

export const FORM_STRINGS = catalog('form');

export const LINK_OUTCOMES = groupedCatalog('linkOutcomes');

/**
 * The pages the email links open (`/<lang>/confirm-subscription/?token=…`, `/<lang>/unsubscribe/?token=…`):
 * one button that POSTs the token, because mail scanners open every link (a GET must not act).
 */
export const EMAIL_LINK_STRINGS = groupedCatalog('emailLink');

/** What the visitor reads about a field the client-side check or the server refused (lib/form-rules.ts). */
export const PROBLEM_STRINGS = catalog('problems');

export const WHITEPAPER_FORM_STRINGS = catalog('whitepaperForm');
