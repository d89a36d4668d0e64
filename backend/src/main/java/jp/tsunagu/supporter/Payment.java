package jp.tsunagu.supporter;

/** Whether a supporter group's help is paid (有償) or unpaid (無償). */
public enum Payment {
    PAID, UNPAID
}
