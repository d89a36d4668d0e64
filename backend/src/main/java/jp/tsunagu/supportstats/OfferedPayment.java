package jp.tsunagu.supportstats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "校区の生活支援が有償か: PAID = 《有償》, UNPAID = 《無償》, BOTH = 有償と無償")
public enum OfferedPayment {
    PAID, UNPAID, BOTH
}
