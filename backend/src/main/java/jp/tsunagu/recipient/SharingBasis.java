package jp.tsunagu.recipient;

/**
 * On what ground a resident's contact details may go to a supporter: their consent, a 支援会議's decision
 * (社会福祉法 第106条の6), or none (then they stay hidden).
 */
public enum SharingBasis {
    CONSENT, SUPPORT_MEETING, NONE
}
