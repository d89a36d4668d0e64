package jp.tsunagu.plan;

import jakarta.persistence.Embeddable;

/** 問い合わせ先 as printed at the end of a plan: a department, its phone and FAX. */
@Embeddable
public class PlanContact {

    public String department;

    public String phone;

    public String fax;

    PlanContact() {
    }

    PlanContact(String department, String phone, String fax) {
        this.department = department;
        this.phone = phone;
        this.fax = fax;
    }
}
