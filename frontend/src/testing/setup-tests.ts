import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { FetchBackedXhr } from './fake-xhr';

// jsdom's XMLHttpRequest would go out to the network; uploads go through the fetch mock like every other call.
globalThis.XMLHttpRequest = FetchBackedXhr as unknown as typeof XMLHttpRequest;

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
