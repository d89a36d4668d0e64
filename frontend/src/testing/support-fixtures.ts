import type { components } from '@/lib/api/schema';

type S = components['schemas'];

export const coordinator: S['MeResponse'] = {
  subject: 'coordinator',
  displayName: '地域生活支援相談員（デモ）',
  kind: 'USER',
  roles: ['COORDINATOR'],
  scopes: [],
  districts: ['40102-takasu', '40101-shoji'],
  mustChangePassword: false, external: false,
};

export const viewer: S['MeResponse'] = { ...coordinator, subject: 'viewer', roles: ['VIEWER'], districts: [] };

export const shoji: S['AreaRef'] = { code: '40101-shoji', name: '庄司', kind: 'SCHOOL_DISTRICT' };
export const takasu: S['AreaRef'] = { code: '40102-takasu', name: '高須', kind: 'SCHOOL_DISTRICT' };

export const city: S['AreaRef'] = { code: '40100', name: '北九州市', kind: 'CITY' };

/** An area as GET /areas answers it: under the city, not retired, unless `extra` says otherwise. */
export function areaOf(ref: S['AreaRef'], extra: Partial<S['AreaResponse']> = {}): S['AreaResponse'] {
  return { ...ref, kana: '', parentCode: city.code, path: [city], retired: false, version: 0, ...extra };
}

/**
 * The area tree the support pages read, as the API answers it: GET /areas/{code}, GET /areas?parent= (the areas just
 * below) and GET /areas?kind=. Undefined for any other call, so a test's backend can try it first.
 */
export function areasApi(
  url: URL,
  areas: readonly S['AreaResponse'][] = [areaOf(takasu), areaOf(shoji)],
): Response | undefined {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  const one = /^\/api\/v1\/areas\/([^/]+)$/.exec(url.pathname);
  if (one) {
    const area = areas.find((a) => a.code === decodeURIComponent(one[1]));
    return area ? json(area) : json({ status: 404, detail: `地域 ${one[1]} はありません。` }, 404);
  }
  if (url.pathname !== '/api/v1/areas') return undefined;
  const parent = url.searchParams.get('parent');
  const kind = url.searchParams.get('kind');
  const items = areas.filter((a) => (!parent || a.parentCode === parent) && (!kind || a.kind === kind));
  return json({ items, nextCursor: null });
}

export const categories: S['SupportCategoryResponse'][] = [
  { id: 1, code: 'GARBAGE', name: 'ゴミ出し', requiresVehicle: false, reportHeading: null },
  { id: 2, code: 'BULKY_WASTE', name: '粗大ごみ', requiresVehicle: true, reportHeading: null },
  { id: 3, code: 'CLEANING', name: '掃除', requiresVehicle: false, reportHeading: null },
];

export const recipient: S['RecipientResponse'] = {
  id: 7,
  name: '庄司 一郎',
  kana: 'しょうじ いちろう',
  area: shoji,
  contact: null,
  householdNotes: null,
  referredBy: 'SELF',
  consent: true,
  version: 0,
};

export function supportRequest(extra: Partial<S['SupportRequestResponse']> = {}): S['SupportRequestResponse'] {
  return {
    id: 42,
    recipientId: recipient.id,
    recipientName: recipient.name,
    area: shoji,
    category: 'ゴミ出し',
    description: '燃えるごみを集積所まで出してほしい',
    date: null,
    weeklyDay: 2,
    start: '09:00',
    end: '10:00',
    payment: 'EITHER',
    urgency: 'NORMAL',
    status: 'MATCHING',
    referredWindow: null,
    receivedOn: '2026-11-22',
    assignments: [],
    version: 0,
    ...extra,
  };
}

/** 依頼票 of proposal 9 (佐藤 和子 to 庄司 一郎) as the API gives it when the recipient consented to share their contact. */
export function handout(extra: Partial<S['AssignmentHandout']> = {}): S['AssignmentHandout'] {
  return {
    assignmentId: 9,
    status: 'ACCEPTED',
    supporterName: '佐藤 和子',
    recipientName: recipient.name,
    area: shoji,
    category: 'ゴミ出し',
    description: '燃えるごみを集積所まで出してほしい',
    date: null,
    weeklyDay: 2,
    start: '09:00',
    end: '10:00',
    consent: true,
    contact: '093-000-1111',
    householdNotes: '娘さんが週末に来る',
    note: '連絡先は、ご本人の同意を得て載せています。支援のためだけに使ってください。',
    sharingBasis: 'CONSENT',
    sharingGrounds: 'ご本人の同意',
    ...extra,
  };
}

/**
 * The same 依頼票 without the recipient's consent nor a 支援会議's decision: the API leaves out the contact and the
 * household notes.
 */
export const handoutWithoutConsent = (extra: Partial<S['AssignmentHandout']> = {}) =>
  handout({
    consent: false,
    contact: null,
    householdNotes: null,
    note: '連絡先は、ご本人の同意がないため載せていません。相談員を通して連絡してください。',
    sharingBasis: 'NONE',
    sharingGrounds: '同意も支援会議の決定もありません',
    ...extra,
  });

/** The grounds the API writes for a 支援会議's decision (the latest one) on a 依頼票. */
export const meetingGrounds = (d: Pick<S['SharingDecisionResponse'], 'meetingDate' | 'meetingName' | 'decidedBy' | 'recordedBy'>) =>
  `支援会議（社会福祉法第106条の6）${d.meetingDate}「${d.meetingName}」の決定（${d.decidedBy}、記録: ${d.recordedBy}）`;

/** A 支援会議's decision to share 庄司 一郎's information, as the API gives it. */
export function sharingDecision(extra: Partial<S['SharingDecisionResponse']> = {}): S['SharingDecisionResponse'] {
  return {
    id: 1,
    recipientId: recipient.id,
    meetingDate: '2026-11-20',
    meetingName: '庄司校区 支援会議',
    decidedBy: '支援会議（議長 地域包括支援センター長）',
    note: null,
    recordedBy: 'coordinator',
    recordedAt: '2026-11-20T07:30:00Z',
    ...extra,
  };
}

/** The 依頼票 of a recipient who did not consent, with their contact on it by a 支援会議's decision. */
export const handoutByMeeting = (decision: S['SharingDecisionResponse'] = sharingDecision(), extra: Partial<S['AssignmentHandout']> = {}) =>
  handout({
    consent: false,
    note: '連絡先は、支援会議（社会福祉法第106条の6）の決定により載せています。会議の構成員として守秘義務があります。支援のためだけに使ってください。',
    sharingBasis: 'SUPPORT_MEETING',
    sharingGrounds: meetingGrounds(decision),
    ...extra,
  });

/** One entry of a request's 経過, as the API gives it (request 42, nothing about a supporter unless `extra` says so). */
export function requestEvent(extra: Partial<S['RequestEvent']> & Pick<S['RequestEvent'], 'id' | 'at' | 'kind' | 'label'>): S['RequestEvent'] {
  return { actor: 'coordinator', assignmentId: null, supporterId: null, supporterName: null, minutes: null, detail: null, ...extra };
}

/**
 * 経過 of request 42 as the API gives it, oldest first, the moments in UTC as the server writes them: received (from
 * the records, before the story was kept), proposed to 佐藤 和子 who declined with a reason, proposed to 鈴木 洋子 who
 * accepted and did 60 + 15 minutes, and the date corrected.
 */
export function requestTimeline(extra: Partial<S['RequestTimeline']> = {}): S['RequestTimeline'] {
  const sato = { assignmentId: 9, supporterId: 101, supporterName: '佐藤 和子' };
  const suzuki = { assignmentId: 10, supporterId: 102, supporterName: '鈴木 洋子' };
  return {
    requestId: 42,
    events: [
      requestEvent({ id: 1, at: '2026-11-22T00:30:00Z', actor: '（記録から）', kind: 'RECEIVED', label: '受付', detail: '燃えるごみを集積所まで出してほしい' }),
      requestEvent({ id: 2, at: '2026-12-01T05:00:00Z', kind: 'PROPOSED', label: '担い手に依頼', ...sato }),
      requestEvent({ id: 3, at: '2026-12-01T23:30:00Z', kind: 'DECLINED', label: '担い手が辞退', ...sato, detail: 'その日は通院のため' }),
      requestEvent({ id: 4, at: '2026-12-02T01:00:00Z', kind: 'PROPOSED', label: '担い手に依頼', ...suzuki }),
      requestEvent({ id: 5, at: '2026-12-02T01:10:00Z', kind: 'ACCEPTED', label: '担い手が引き受け', ...suzuki }),
      requestEvent({ id: 6, at: '2026-12-02T05:05:00Z', kind: 'ACTIVITY', label: '活動記録', ...suzuki, minutes: 60, detail: 'ごみ袋 2 つ' }),
      requestEvent({ id: 7, at: '2026-12-02T05:30:00Z', kind: 'ACTIVITY', label: '活動記録', ...suzuki, minutes: 15, detail: null }),
      requestEvent({ id: 8, at: '2026-12-02T06:00:00Z', kind: 'EDITED', label: '内容の変更', detail: '日時、緊急度' }),
    ],
    totalMinutes: 75,
    ...extra,
  };
}

/** 活動記録 of 佐藤 和子 for 庄司 一郎 (proposal 9, request 42), newest first, as GET /activities answers. */
export function activityList(extra: Partial<S['ActivityList']> = {}): S['ActivityList'] {
  const item = { assignmentId: 9, requestId: 42, supporterId: 101, supporterName: '佐藤 和子', recipientName: recipient.name, category: 'ゴミ出し' };
  return {
    items: [
      { id: 32, ...item, date: '2026-11-26', minutes: 15, notes: null },
      { id: 31, ...item, date: '2026-11-24', minutes: 60, notes: '燃えるごみ 2 袋' },
    ],
    totalMinutes: 75,
    ...extra,
  };
}

export const candidates: S['CandidateList'] = {
  requestId: 42,
  weights: { distance: 0.35, availability: 0.25, load: 0.15, continuity: 0.15, fairness: 0.1 },
  items: [
    {
      supporterId: 101,
      name: '佐藤 和子',
      groupName: 'お助け隊',
      area: shoji,
      score: 0.745,
      parts: { distance: 0.7, availability: 1, load: 0.5, continuity: 0, fairness: 1 },
      openAssignments: 1,
      capacity: 2,
      hasVehicle: true,
    },
    {
      supporterId: 102,
      name: '鈴木 洋子',
      groupName: 'お助け隊',
      area: shoji,
      score: 0.61,
      parts: { distance: 0.7, availability: 0.5, load: 1, continuity: 0, fairness: 0.333 },
      openAssignments: 0,
      capacity: 1,
      hasVehicle: false,
    },
  ],
};

export function supporter(extra: Partial<S['SupporterResponse']> = {}): S['SupporterResponse'] {
  return {
    id: 101,
    name: '佐藤 和子',
    kana: 'さとう かずこ',
    contact: null,
    area: shoji,
    groupId: 3,
    groupName: 'お助け隊',
    payment: 'UNPAID',
    categories: ['ゴミ出し', '掃除'],
    categoryCodes: ['GARBAGE', 'CLEANING'],
    availability: [
      { dayOfWeek: 2, start: '08:00', end: '12:00' },
      { dayOfWeek: 4, start: '13:00', end: '17:00' },
    ],
    capacity: 2,
    openAssignments: 1,
    hasVehicle: false,
    active: true,
    version: 0,
    ...extra,
  };
}

/** One page of GET /supporters as the API answers it; the last page has no nextCursor. */
export function supporterPage(items: S['SupporterResponse'][], nextCursor: string | null = null): S['SupporterPage'] {
  return { items, nextCursor };
}

/** One page of GET /support-requests as the API answers it (newest first); the last page has no nextCursor. */
export function requestPage(items: S['SupportRequestResponse'][], nextCursor: string | null = null): S['SupportRequestList'] {
  return { items, nextCursor };
}

/** 担い手グループ of the coordinator's two districts. */
export const supporterGroups: S['SupporterGroupResponse'][] = [
  { id: 3, name: 'お助け隊', area: shoji, payment: 'UNPAID', active: true, version: 0 },
  { id: 4, name: '高須ささえあい', area: takasu, payment: 'PAID', active: true, version: 0 },
  { id: 5, name: '高須有償ボランティア', area: takasu, payment: 'PAID', active: true, version: 0 },
];

export const stats: S['SupportStats'] = {
  area: takasu,
  fiscalYear: 2020,
  consultations: 761,
  adjustments: 910,
  // 延べ活動時間: 12時間30分.
  activityMinutes: 750,
  categoryShares: [
    { category: 'ゴミ出し', count: 284, percent: 37.4 },
    { category: '掃除', count: 14, percent: 1.8 },
    { category: '買い物同行', count: 5, percent: 0.7 },
    { category: '通院同行', count: 3, percent: 0.4 },
    { category: '買い物代行', count: 191, percent: 25.1 },
  ],
  // As the 北九州市社協 report prints them: 同行（買物・通院等） sums 買い物同行 and 通院同行.
  headingShares: [
    { heading: 'ゴミ出し', categories: ['ゴミ出し'], count: 284, percent: 37.4 },
    { heading: '掃除', categories: ['掃除'], count: 14, percent: 1.8 },
    { heading: '同行（買物・通院等）', categories: ['買い物同行', '通院同行'], count: 8, percent: 1.1 },
    { heading: '代行（買物等）', categories: ['買い物代行'], count: 191, percent: 25.1 },
  ],
  supportersRegistered: 32,
  supportersActive: 32,
  counselors: 2,
};

/** 実践地区の取り組み概要 of 高須 in FY2020, as the report prints it. */
export function districtProfile(extra: Partial<S['DistrictProfileResponse']> = {}): S['DistrictProfileResponse'] {
  return {
    area: takasu,
    fiscalYear: 2020,
    counselors: 2,
    mainSupport: 'ゴミ出し、掃除、買い物、通院同行 他',
    payment: 'PAID',
    outcomes: '◎「たかすちよこっと応援タイ」(32名)\n◎見守り活動の充実\n◎ケアマネ等からの依頼もあり。孤立しがちなサービス利用者とのつながりを形成',
    version: 3,
    updatedAt: '2026-11-22T10:00:00+09:00',
    updatedBy: 'coordinator',
    ...extra,
  };
}
