// Two running API instances on one database: concurrent assignments through both never overfill a
// supporter and never assign a request twice. Run by .ci/lib/e2e.sh, which starts both instances.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

const A = process.env.API_A_URL;
const B = process.env.API_B_URL;
const PASSWORD = process.env.E2E_PASSWORD ?? 'tsunagu-demo';

async function call(base, path, token, body) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

describe('assignments across two API instances', () => {
  let admin;
  // A 校区 of this journey's own, so the journeys that count 庄司's consultations never see these requests.
  const district = `e2e-pair-${Date.now().toString(36)}`;

  before(async () => {
    assert.ok(A && B, 'set API_A_URL and API_B_URL to two running instances (bash .ci/lib/e2e.sh does)');
    admin = (await call(A, '/api/v1/auth/token', null, { username: 'admin', password: PASSWORD })).json.access_token;
    const area = await call(A, '/api/v1/areas', admin, {
      code: district, name: '二台確認校区', kana: 'にだいかくにんこうく', kind: 'SCHOOL_DISTRICT', parentCode: '40101',
    });
    assert.equal(area.status, 201, JSON.stringify(area.json));
  });

  async function supporter(capacity) {
    const r = await call(A, '/api/v1/supporters', admin, {
      name: `二台確認 ${Date.now() % 100000}`, kana: 'にだい かくにん', areaCode: district, categoryCodes: ['REPAIRS'],
      capacity, hasVehicle: false, availability: [{ dayOfWeek: 4, start: '08:00', end: '18:00' }],
    });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    return r.json.id;
  }

  async function requests(n) {
    const recipient = await call(B, '/api/v1/recipients', admin, {
      name: '二台 確認', kana: 'にだい かくにん', areaCode: district, referredBy: 'SELF', consent: true,
    });
    assert.equal(recipient.status, 201);
    const ids = [];
    for (let i = 0; i < n; i += 1) {
      const r = await call(i % 2 ? A : B, '/api/v1/support-requests', admin, {
        recipientId: recipient.json.id, categoryCode: 'REPAIRS', weeklyDay: 4, start: '09:00', end: '10:00', payment: 'EITHER',
      });
      assert.equal(r.status, 201);
      ids.push(r.json.id);
    }
    return ids;
  }

  test('a supporter of capacity 3 gets exactly 3 of 16 concurrent assignments', async () => {
    const s = await supporter(3);
    const ids = await requests(16);
    const results = await Promise.all(ids.map((id, i) =>
      call(i % 2 ? A : B, `/api/v1/support-requests/${id}/assignments`, admin, { supporterId: s })));
    const statuses = results.map((r) => r.status);
    assert.equal(statuses.filter((x) => x === 201).length, 3, statuses.join(','));
    assert.equal(statuses.filter((x) => x === 409).length, 13, statuses.join(','));
    const after = await call(B, `/api/v1/supporters/${s}`, admin);
    assert.equal(after.json.openAssignments, 3);
  });

  test('one request raced by 12 coordinators on both instances is assigned once', async () => {
    const supporters = [await supporter(10), await supporter(10), await supporter(10)];
    const [id] = await requests(1);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      call(i % 2 ? A : B, `/api/v1/support-requests/${id}/assignments`, admin, { supporterId: supporters[i % 3] })));
    assert.equal(results.filter((r) => r.status === 201).length, 1, results.map((r) => r.status).join(','));
    const request = await call(A, `/api/v1/support-requests/${id}`, admin);
    assert.equal(request.json.assignments.length, 1);
    let open = 0;
    for (const s of supporters) open += (await call(A, `/api/v1/supporters/${s}`, admin)).json.openAssignments;
    assert.equal(open, 1, 'the losers released their capacity');
  });
});
