/**
 * The shape every language's catalogue has: one template per message id, taking exactly that id's parameters
 * and the language's number format. A catalogue that misses an id or reads a parameter the id does not have
 * fails the typecheck (`satisfies Catalogue` in sv.ts and en.ts).
 */
import type { MessageId, MessageParams } from "../model/messages";
import type { NumberFormat } from "./format";

export type Catalogue = { readonly [K in MessageId]: (p: MessageParams[K], f: NumberFormat) => string };

/** The word for one or for many, by count ("1 tal", "2 tal"; "1 number", "2 numbers"). */
export function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** The count with its word: "3 kolumner". */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${plural(count, one, many)}`;
}
