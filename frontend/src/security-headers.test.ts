import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { originOf, securityHeaders } from '../security-headers.mjs';

const nginx = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '..', 'nginx.conf'), 'utf8');

/** The value nginx.conf gives a header (add_header Name "value" always;). */
function nginxHeader(name: string): string | undefined {
  return new RegExp(`add_header ${name} "([^"]*)" always;`).exec(nginx)?.[1];
}

describe('security headers', () => {
  it('nginx serves the SPA with exactly the headers the browser journeys run under', () => {
    const headers = securityHeaders({ connectSrc: ['${TSUNAGU_OIDC_ORIGIN}'] });
    for (const [name, value] of Object.entries(headers)) {
      expect(nginxHeader(name), name).toBe(value);
    }
  });

  it('lets no inline script run and nobody frame the SPA', () => {
    const policy = securityHeaders()['Content-Security-Policy'];
    const script = policy.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("adds the identity provider's origin, and only its origin, to what the SPA may fetch", () => {
    const policy = securityHeaders({ connectSrc: originOf('https://idp.example.jp/realms/city/protocol/openid-connect/token') })[
      'Content-Security-Policy'
    ];
    expect(policy).toContain("connect-src 'self' https://idp.example.jp;");
    expect(originOf(undefined)).toEqual([]);
    expect(originOf('not a url')).toEqual([]);
  });
});
