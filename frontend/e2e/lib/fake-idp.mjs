// A stand-in for the city's OpenID Connect provider in the browser tests (.ci/lib/e2e.sh starts it before the API):
//   node e2e/lib/fake-idp.mjs PORT
// GET  /jwks.json  its public key (a fresh RSA key per run)
// GET  /auth       the sign-in page: one button that approves the SPA's authorization request
// POST /approve    → 302 to redirect_uri with code and state
// POST /token      code + code_verifier → an RS256 access token, an ID token (OpenID Connect Core §3.1.3.3: always, with
//                  the openid scope) and a refresh token, only if SHA-256(code_verifier) is the request's code_challenge
//                  (PKCE, RFC 7636) and client_id and redirect_uri are the request's; refresh_token → a new access
//                  token, ID token and refresh token (the old one is spent)
// GET  /logout     ends the provider's session (the next /auth shows the sign-in page again, counted in /sessions)
//                  and → 302 to post_logout_redirect_uri; an id_token_hint must be an ID token it issued (else 400)
// GET  /sessions   {"signOuts": n, "hintedSignOuts": m}: how many times /logout was called, and how many of those
//                  named the session with an ID token it issued (for the browser test)
// The token says: user city-coordinator (市 相談員), group welfare-coordinators, district 40102-takasu.
import crypto from 'node:crypto';
import http from 'node:http';

const port = Number(process.argv[2] ?? 18400);
const issuer = `http://127.0.0.1:${port}`;
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = crypto.randomUUID();
const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
const pending = new Map(); // code → the authorization request it answers
const refreshTokens = new Map(); // refresh token → client id
let signOuts = 0;
let hintedSignOuts = 0;

const b64url = (data) => Buffer.from(data).toString('base64url');
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function signed(claims) {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify({ iss: issuer, sub: 'b7c1e0a2-city-coordinator', iat: now, exp: now + 600, ...claims }));
  const signature = crypto.sign('sha256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

function accessToken() {
  return signed({
    aud: 'tsunagu',
    preferred_username: 'city-coordinator',
    name: '市 相談員',
    groups: ['welfare-coordinators'],
    districts: ['40102-takasu'],
  });
}

/** The ID token's claims when `token` is one this provider signed as an ID token, else null. */
function issuedIdToken(token) {
  const [header, payload, signature] = String(token).split('.');
  if (!signature || !crypto.verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))) {
    return null;
  }
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  return claims.token_use === 'id' ? claims : null;
}

function tokens(clientId) {
  const refresh = crypto.randomBytes(24).toString('base64url');
  refreshTokens.set(refresh, clientId);
  // token_use tells the two apart here only (at /logout); an ID token's audience is the client.
  const idToken = signed({ aud: clientId, token_use: 'id', name: '市 相談員', preferred_username: 'city-coordinator' });
  return { access_token: accessToken(), token_type: 'Bearer', expires_in: 600, id_token: idToken, refresh_token: refresh };
}

function body(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(new URLSearchParams(data)));
  });
}

function send(res, status, type, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*', ...headers });
  res.end(text);
}

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, issuer);
    if (req.method === 'OPTIONS') {
      return send(res, 204, 'text/plain', '', { 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Allow-Methods': 'POST' });
    }
    if (req.method === 'GET' && url.pathname === '/jwks.json') {
      return send(res, 200, 'application/json', JSON.stringify({ keys: [jwk] }));
    }
    if (req.method === 'GET' && url.pathname === '/logout') {
      const hint = url.searchParams.get('id_token_hint');
      if (hint) {
        const claims = issuedIdToken(hint);
        const clientId = url.searchParams.get('client_id');
        if (!claims || (clientId && claims.aud !== clientId)) {
          return send(res, 400, 'text/plain; charset=utf-8', 'id_token_hint is not an ID token issued here to this client');
        }
        hintedSignOuts++;
      }
      signOuts++;
      const back = url.searchParams.get('post_logout_redirect_uri');
      if (!back) return send(res, 200, 'text/html; charset=utf-8', '<!doctype html><p>サインアウトしました</p>');
      res.writeHead(302, { Location: back });
      return res.end();
    }
    if (req.method === 'GET' && url.pathname === '/sessions') {
      return send(res, 200, 'application/json', JSON.stringify({ signOuts, hintedSignOuts }));
    }
    if (req.method === 'GET' && url.pathname === '/auth') {
      const q = url.searchParams;
      if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
        return send(res, 400, 'text/plain; charset=utf-8', 'authorization code with PKCE (S256) only');
      }
      const hidden = [...q].map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join('');
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        `<!doctype html><html lang="ja"><meta charset="utf-8"><title>市の認証基盤（試験用）</title>
<h1>市の認証基盤（試験用）</h1><p>利用者: city-coordinator（市 相談員）</p>
<form method="post" action="/approve">${hidden}<button>承認してサインイン</button></form></html>`,
      );
    }
    if (req.method === 'POST' && url.pathname === '/approve') {
      const q = await body(req);
      const code = crypto.randomBytes(16).toString('base64url');
      pending.set(code, { clientId: q.get('client_id'), redirectUri: q.get('redirect_uri'), challenge: q.get('code_challenge') });
      const back = new URL(q.get('redirect_uri'));
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { Location: back.toString() });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const q = await body(req);
      if (q.get('grant_type') === 'refresh_token') {
        const clientId = refreshTokens.get(q.get('refresh_token'));
        refreshTokens.delete(q.get('refresh_token'));
        if (!clientId || clientId !== q.get('client_id')) {
          return send(res, 400, 'application/json', JSON.stringify({ error: 'invalid_grant' }));
        }
        return send(res, 200, 'application/json', JSON.stringify(tokens(clientId)));
      }
      const request = pending.get(q.get('code'));
      pending.delete(q.get('code'));
      const verifier = q.get('code_verifier') ?? '';
      const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
      if (
        q.get('grant_type') !== 'authorization_code' ||
        !request ||
        request.challenge !== challenge ||
        request.clientId !== q.get('client_id') ||
        request.redirectUri !== q.get('redirect_uri')
      ) {
        return send(res, 400, 'application/json', JSON.stringify({ error: 'invalid_grant' }));
      }
      return send(res, 200, 'application/json', JSON.stringify(tokens(request.clientId)));
    }
    send(res, 404, 'text/plain', 'not found');
  })
  .listen(port, '127.0.0.1', () => console.log(`fake identity provider on ${issuer}`));
