import type { FollowUpKind, FollowUpSettings } from './api/follow-ups';

/** The kinds in the order the page shows them (the API's order: the most pressing first). */
export const FOLLOW_UP_KINDS = ['REQUEST_WAITING', 'PROPOSAL_UNANSWERED', 'ACTIVITY_MISSING', 'SUPPORTER_IDLE'] as const satisfies readonly FollowUpKind[];

export const FOLLOW_UP_HEADINGS: Record<FollowUpKind, string> = {
  REQUEST_WAITING: '調整を待っている相談',
  PROPOSAL_UNANSWERED: '返事のない提案',
  ACTIVITY_MISSING: '活動記録のない支援',
  SUPPORTER_IDLE: 'しばらく依頼していない担い手',
};

/** What a section holds, with the city's thresholds as they are now (read-only here; ADMIN changes them). */
export function followUpDescription(kind: FollowUpKind, s: FollowUpSettings): string {
  switch (kind) {
    case 'REQUEST_WAITING':
      return `受付から${s.waitingDays}日以上、担い手が決まっていない相談です。緊急の相談は受付の日から出ます。`;
    case 'PROPOSAL_UNANSWERED':
      return `${s.proposalDays}日以上返事のない提案です。担い手に連絡して、引き受けられるか確かめてください。`;
    case 'ACTIVITY_MISSING':
      return `引き受けられた支援で、支援の日を過ぎても活動記録のないものです（毎週の支援は${s.activityGraceDays}日以上記録のないとき）。`;
    case 'SUPPORTER_IDLE':
      return `${s.idleSupporterDays}日以上依頼をしていない、活動中の担い手です。お礼やお願いの連絡をしてください。`;
  }
}

/** The four thresholds, as the form asks for them: label, explanation, the API's limit. */
export const THRESHOLD_FIELDS = [
  {
    name: 'proposalDays',
    label: '提案への返事を待つ日数',
    hint: '担い手に依頼してからこの日数たっても返事がなければ「返事のない提案」に出します（既定 3）。',
    max: 365,
  },
  {
    name: 'waitingDays',
    label: '調整を待つ相談の日数',
    hint: '受付からこの日数たっても担い手が決まらない相談を「調整を待っている相談」に出します。緊急の相談はすぐに出します（既定 5）。',
    max: 365,
  },
  {
    name: 'activityGraceDays',
    label: '活動記録を待つ日数',
    hint: '毎週の支援でこの日数、活動記録がなければ「活動記録のない支援」に出します。1 回の支援は支援の日が過ぎたら出します（既定 7）。',
    max: 365,
  },
  {
    name: 'idleSupporterDays',
    label: '依頼のない担い手の日数',
    hint: 'この日数、依頼をしていない活動中の担い手を「しばらく依頼していない担い手」に出します（既定 90）。',
    max: 3650,
  },
] as const satisfies readonly { name: keyof Omit<FollowUpSettings, 'version'>; label: string; hint: string; max: number }[];

export type ThresholdName = (typeof THRESHOLD_FIELDS)[number]['name'];
