/** The code of a 困りごとの種類, as the API takes it in the path: an upper-case letter, then letters, digits or _. */
export const CATEGORY_CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,39}$/;
export const CATEGORY_NAME_MAX = 60;

/** As typed, made into a code: half-width, upper case, no spaces (" light work" → "LIGHT_WORK"). */
export function normaliseCategoryCode(text: string): string {
  return text
    .replace(/[Ａ-Ｚａ-ｚ０-９＿]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim()
    .replace(/[\s-]+/g, '_')
    .toUpperCase();
}

/** Why a new category's code cannot be used, or undefined. Codes in use must be changed, not added again. */
export function categoryCodeError(code: string, inUse: readonly { code: string }[]): string | undefined {
  if (!code) return '必須項目です';
  if (!CATEGORY_CODE_PATTERN.test(code)) return '英大文字で始め、英大文字・数字・_ の 40 文字以内で指定してください（例: LIGHT_WORK）';
  if (inUse.some((c) => c.code === code)) return `コード ${code} はすでに使われています。一覧の「変更」から変えてください`;
  return undefined;
}

/** Why a name cannot be used, or undefined: names are unique among the categories (the API checks retired ones too). */
export function categoryNameError(name: string, inUse: readonly { code: string; name: string }[], code?: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return '必須項目です';
  if (trimmed.length > CATEGORY_NAME_MAX) return `${CATEGORY_NAME_MAX}文字以内で入力してください`;
  if (inUse.some((c) => c.name === trimmed && c.code !== code)) return `「${trimmed}」はすでにあります`;
  return undefined;
}

export const REPORT_HEADING_MAX = 60;

/** Why a report heading cannot be used, or undefined: optional (blank = the category's own name), at most 60 characters. */
export function reportHeadingError(heading: string): string | undefined {
  return heading.trim().length > REPORT_HEADING_MAX ? `${REPORT_HEADING_MAX}文字以内で入力してください` : undefined;
}
