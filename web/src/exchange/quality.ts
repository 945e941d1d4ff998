// A quality passport's entries in words. Pure.
import type { QualityLimit } from '../shell/types.ts';
import { NBSP } from './labels.ts';

/** A property's value or limit: «56», «≤ 15», «10–20». */
export function limitText(v: number | QualityLimit, num: (n: number) => string): string {
  if (typeof v === 'number') return num(v);
  if (v.min !== undefined && v.max !== undefined) return `${num(v.min)}–${num(v.max)}`;
  if (v.min !== undefined) return `≥${NBSP}${num(v.min)}`;
  return `≤${NBSP}${num(v.max ?? 0)}`;
}
