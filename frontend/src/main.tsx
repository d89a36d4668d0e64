import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
// The デジタル庁デザインシステム's tokens as CSS custom properties, before the styles that name them.
import '@digital-go-jp/design-tokens/dist/tokens.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
