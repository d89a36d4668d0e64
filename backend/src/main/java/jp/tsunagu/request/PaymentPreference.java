package jp.tsunagu.request;

/** Whether the resident wants paid help, unpaid help, or either (有償 / 無償 / どちらでも). */
public enum PaymentPreference {
    PAID, UNPAID, EITHER
}
