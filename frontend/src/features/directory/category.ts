import type { components } from '@/lib/api/schema';

export type WindowCategory = components['schemas']['WindowCategory'];

/** 相談の種類 in the order staff expect to see them. */
export const CATEGORY_LABELS: Record<WindowCategory, string> = {
  ELDERLY: '高齢者',
  DISABILITY: '障害者',
  CHILD: '子ども',
  LIVING_HARDSHIP: '生活困窮者',
};

export const CATEGORY_OPTIONS = (Object.keys(CATEGORY_LABELS) as WindowCategory[]).map((value) => ({
  value,
  label: CATEGORY_LABELS[value],
}));

export function isWindowCategory(value: string): value is WindowCategory {
  return value in CATEGORY_LABELS;
}

export function categoryLabel(category: string): string {
  return isWindowCategory(category) ? CATEGORY_LABELS[category] : category;
}
