/** Why a 支援会議 may share a resident's information without their consent, said where a decision is recorded. */
export const SUPPORT_MEETING_EXPLANATION =
  '社会福祉法第106条の6の支援会議では、構成員に守秘義務があるため、本人の同意がなくても情報を共有できます。';
