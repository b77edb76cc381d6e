import type { LexDeskApi } from '../shared/api';

/** The bridge to main, read once; components reach main only through the stores that use it. */
export const api: LexDeskApi = window.api;
