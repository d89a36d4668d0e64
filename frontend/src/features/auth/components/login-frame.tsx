import type { ReactNode } from 'react';

/** The page around signing in (the login form, the return from the city's provider): the brand, then the content. */
export function LoginFrame({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="login">
      <div className="login__box">
        <p className="login__brand">
          Tsunagu <span>つなぐ</span>
        </p>
        {children}
      </div>
    </main>
  );
}
