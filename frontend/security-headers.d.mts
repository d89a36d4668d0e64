export function securityHeaders(options?: { connectSrc?: string[] }): Record<string, string>;
export function originOf(url: string | undefined): string[];
