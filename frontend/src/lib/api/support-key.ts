/**
 * Every query of 生活支援 (categories, supporters, recipients, requests and their assignments, statistics) starts
 * with this key, so one invalidation refreshes lists, details and statistics. It is shared by those features
 * because a change in one shows in the others: a new supporter is a candidate for open requests and counts in the
 * statistics, a recipient's new name is on their requests.
 */
export const supportKey = ['support'] as const;
