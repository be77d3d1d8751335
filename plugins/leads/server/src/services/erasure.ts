/** What a plugin's eraser gets, and the eraser: the leads contract's types (contract.ts). */
export type { ContactEraser, ErasedContact } from '../contract';
