import { pythonError } from './errors';
import { XmlRpcValue, pyRepr, pyTuple } from './values';

// ---------------------------------------------------------------------------------------------
// Domains: Odoo's Polish notation, leaves [field, operator, value], implicit AND.
// ---------------------------------------------------------------------------------------------

export type Leaf = [string | number, string, XmlRpcValue];
export type DomainNode =
  | { op: '&' | '|'; left: DomainNode; right: DomainNode }
  | { op: '!'; operand: DomainNode }
  | { op: 'leaf'; leaf: Leaf };

export const OPERATORS = new Set([
  '=',
  '!=',
  '<=',
  '<',
  '>',
  '>=',
  '=?',
  '=like',
  '=ilike',
  'like',
  'not like',
  'ilike',
  'not ilike',
  'in',
  'not in',
  'any',
  'not any',
]);
export const LIKE_OPERATORS = new Set(['like', 'not like', 'ilike', 'not ilike', '=like', '=ilike']);

export function toLeaf(term: XmlRpcValue): Leaf {
  if (
    Array.isArray(term) &&
    term.length === 3 &&
    (typeof term[0] === 'string' || typeof term[0] === 'number') &&
    typeof term[1] === 'string'
  ) {
    const operator = term[1].toLowerCase();
    // Odoo normalises these two aliases; child_of/parent_of are real but not needed here.
    const normalised = operator === '<>' ? '!=' : operator === '==' ? '=' : operator;
    if (normalised === 'child_of' || normalised === 'parent_of')
      throw pythonError(`NotImplementedError: the fake Odoo does not support ${pyRepr(normalised)}`);
    if (!OPERATORS.has(normalised)) throw pythonError(`ValueError: Invalid leaf ${pyTuple(term)}`);
    return [term[0], normalised, term[2]];
  }
  throw pythonError(`ValueError: Invalid leaf ${pyRepr(term)}`);
}

/** Parses the prefix notation; consecutive top-level terms are AND-ed, as Odoo's normalize_domain does. */
export function parseDomain(domain: XmlRpcValue[]): DomainNode | null {
  let position = 0;
  const next = (): DomainNode => {
    if (position >= domain.length)
      throw pythonError(`ValueError: Domain ${pyRepr(domain)} is syntactically not correct.`);
    const term = domain[position++];
    if (term === '&' || term === '|') return { op: term, left: next(), right: next() };
    if (term === '!') return { op: '!', operand: next() };
    return { op: 'leaf', leaf: toLeaf(term) };
  };
  const nodes: DomainNode[] = [];
  while (position < domain.length) nodes.push(next());
  return nodes.length === 0 ? null : nodes.reduce((left, right) => ({ op: '&', left, right }));
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** SQL LIKE: % any run, _ one character, backslash escapes (PostgreSQL's default escape). */
export function likeToRegExp(pattern: string, insensitive: boolean): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\' && index + 1 < pattern.length) source += escapeRegExp(pattern[++index]);
    else source += char === '%' ? '.*' : char === '_' ? '.' : escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, insensitive ? 'is' : 's');
}

export type Scalar = string | number | boolean;

export function looseEquals(left: Scalar, right: XmlRpcValue): boolean {
  if (right === null || right === false) return left === false;
  if (typeof left === 'number' && typeof right === 'string' && /^-?\d+(\.\d+)?$/.test(right))
    return left === Number(right);
  return left === right;
}

export function compareScalars(left: Scalar, right: XmlRpcValue, operator: string): boolean {
  if (left === false || right === false || right === null) return false; // NULL compares to nothing
  const a = typeof left === 'boolean' ? Number(left) : left;
  const b =
    typeof right === 'boolean'
      ? Number(right)
      : typeof right === 'number' || typeof right === 'string'
        ? right
        : String(right);
  const [x, y] =
    typeof a === 'number' && typeof b === 'string' && b !== '' && !Number.isNaN(Number(b)) ? [a, Number(b)] : [a, b];
  switch (operator) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

/** like/ilike wrap the value in %…%; =like/=ilike take it as the whole pattern. Negative ones match NULL. */
export function matchLike(values: string[], operator: string, right: XmlRpcValue): boolean {
  const text = right === false || right === null ? '' : typeof right === 'string' ? right : pyRepr(right);
  const pattern = operator.startsWith('=') ? text : `%${text}%`;
  const regex = likeToRegExp(pattern, operator.includes('ilike'));
  const any = values.some((value) => regex.test(value));
  return operator.startsWith('not ') ? !any : any;
}
